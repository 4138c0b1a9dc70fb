package com.micromall.notification.web;

import com.micromall.settings.ShopTime;
import com.micromall.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import com.micromall.notification.SentMailRetention;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's mail log ({@code /admin/mails}): every mail the shop sent or is trying to send, newest first, and each
 * one as the customer sees it. Where no mail server runs (the embedded demo) this is where mails are read.
 */
@Controller
@RequiredArgsConstructor
class AdminMailLogController {

    static final int PAGE_SIZE = 50;

    /**
     * The mail's own HTML is shown in a sandboxed frame under a policy of its own: its inline styles and pictures
     * (data URLs) may show, nothing in it may run, load from elsewhere or reach the page around it.
     */
    static final String BODY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "frame-ancestors 'self'; sandbox";

    private final SentMailLog log;
    private final ShopTime shopTime;
    private final MessageSource messages;
    private final SentMailRetention retention;

    /** A log line in words. */
    record Row(long id, String recipient, String kind, String language, String subject, String when,
               SentMailLog.State state, int failedAttempts) {
    }

    @GetMapping("/admin/mails")
    String mails(@RequestParam(name = "to", required = false) @Nullable String to,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String recipient = to == null || to.isBlank() ? null : to.strip();
        int shown = Math.max(0, page);
        List<SentMailLog.Entry> entries = log.newest(recipient, shown * PAGE_SIZE, PAGE_SIZE + 1);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("adminSection", "mails");
        model.addAttribute("to", recipient == null ? "" : recipient);
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("rows", entries.stream().limit(PAGE_SIZE).map(entry -> row(entry, locale)).toList());
        return "notification/admin-mails";
    }

    @GetMapping("/admin/mails/{id:\\d{1,18}}")
    String mail(@PathVariable long id, Model model) {
        SentMailLog.Mail mail = log.find(id).orElseThrow(() -> new NotFoundException("no mail " + id));
        Locale locale = LocaleContextHolder.getLocale();
        SentMailLog.Entry entry = mail.entry();
        model.addAttribute("adminSection", "mails");
        model.addAttribute("mail", row(entry, locale));
        model.addAttribute("entry", entry);
        model.addAttribute("claimedAt", shopTime.dateTime(entry.claimedAt(), locale));
        model.addAttribute("sentAt", entry.sentAt() == null ? null : shopTime.dateTime(entry.sentAt(), locale));
        model.addAttribute("lastFailedAt", entry.lastFailedAt() == null ? null
                : shopTime.dateTime(entry.lastFailedAt(), locale));
        model.addAttribute("text", mail.text());
        model.addAttribute("hasHtml", mail.html() != null);
        model.addAttribute("keptDays", retention.keepCopies().toDays());
        return "notification/admin-mail";
    }

    /** The mail's HTML with its pictures inline, for the frame on the mail's page. */
    @GetMapping(value = "/admin/mails/{id:\\d{1,18}}/body", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> body(@PathVariable long id) {
        SentMailLog.Mail mail = log.find(id).orElseThrow(() -> new NotFoundException("no mail " + id));
        String html = mail.html();
        if (html == null) {
            throw new NotFoundException("no body kept for mail " + id);
        }
        for (SentMailLog.Image image : mail.images()) {
            html = html.replace("cid:" + image.contentId(),
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()));
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("Content-Security-Policy", BODY_POLICY)
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(html);
    }

    private Row row(SentMailLog.Entry entry, Locale locale) {
        // The four mail languages by the names the language menu gives them.
        String language = entry.language() == null ? "—" : messages.getMessage(
                "language." + entry.language().replace('-', '_'), null, entry.language(), locale);
        return new Row(entry.id(), entry.recipient(), entry.kind(), language, entry.subject(),
                shopTime.dateTime(entry.sentAt() != null ? entry.sentAt() : entry.claimedAt(), locale), entry.state(),
                entry.failedAttempts());
    }
}

package com.micromall.distribution.oversight.web;

import com.micromall.distribution.oversight.HoldsQueue;
import com.micromall.distribution.oversight.LedgerAdministration;
import com.micromall.distribution.ledger.LedgerStateException;
import com.micromall.settings.ShopTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's queue of held commissions (every abuse signal found, or the budget): release or void
 * with a reason, both audited by {@link LedgerAdministration}. Mistakes come back as a message.
 */
@Controller
@RequiredArgsConstructor
class AdminHoldsController {

    static final int REASON_MAX = 200;
    private static final String QUEUE = "redirect:/admin/distribution/holds";

    private final HoldsQueue queue;
    private final LedgerAdministration administration;
    private final ShopTime shopTime;

    /** A held entry with its date already in the viewer's language. */
    record HoldLine(HoldsQueue.Hold hold, String date) {
    }

    @GetMapping("/admin/distribution/holds")
    String holds(Model model, Locale locale) {
        DateTimeFormatter format = shopTime.formatter(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale));
        List<HoldLine> holds = queue.held().stream().map(h -> new HoldLine(h, format.format(h.createdAt()))).toList();
        model.addAttribute("adminSection", "distribution");
        model.addAttribute("distributionSection", "holds");
        model.addAttribute("holds", holds);
        model.addAttribute("budget", queue.budgetReached().orElse(null));
        model.addAttribute("budgetHolds", holds.stream().anyMatch(l -> l.hold().reasons().contains("BUDGET")));
        model.addAttribute("reasonMax", REASON_MAX);
        return "distribution/admin-holds";
    }

    @PostMapping("/admin/distribution/holds/{entryId}/release")
    String release(@PathVariable long entryId, Authentication owner, RedirectAttributes flash) {
        try {
            administration.release(entryId, owner.getName());
            flash.addFlashAttribute("flashSuccess", "admin.holds.released");
        } catch (LedgerStateException e) {
            flash.addFlashAttribute("flashError", "admin.holds.error.state");
        }
        return QUEUE;
    }

    @PostMapping("/admin/distribution/holds/{entryId}/void")
    String voidEntry(@PathVariable long entryId, @RequestParam(defaultValue = "") String reason, Authentication owner,
                     RedirectAttributes flash) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            flash.addFlashAttribute("flashError", why.isEmpty() ? "admin.holds.error.reason" : "admin.holds.error.reasonLong");
            return QUEUE;
        }
        try {
            administration.voidEntry(entryId, why, owner.getName());
            flash.addFlashAttribute("flashSuccess", "admin.holds.voided");
        } catch (LedgerStateException e) {
            flash.addFlashAttribute("flashError", "admin.holds.error.state");
        }
        return QUEUE;
    }
}

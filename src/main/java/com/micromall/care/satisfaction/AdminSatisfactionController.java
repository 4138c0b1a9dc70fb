package com.micromall.care.satisfaction;

import com.micromall.care.satisfaction.SatisfactionReport.Granularity;
import com.micromall.settings.ShopTime;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's (and staff's) satisfaction pages: the follow-up queue and the score over time, per product, comments. */
@Controller
@RequiredArgsConstructor
class AdminSatisfactionController {

    private final FollowUps followUps;
    private final SatisfactionReport report;
    private final SatisfactionAnswers answers;
    private final ShopTime shopTime;
    private final Clock clock;

    @ModelAttribute("adminSection")
    String adminSection() {
        return "care";
    }

    /** A task as the queue shows it, dates in the shop's time zone and the reader's language. */
    record TaskRow(FollowUps.Task task, String answered, String due, boolean overdue, @Nullable String done) {
    }

    /** One bar of the chart: the score drawn from the middle line (0) to the right (positive) or left (negative). */
    record Bar(String label, @Nullable Integer score, NetPromoterScore counts, int x, int width, boolean negative) {
    }

    @GetMapping("/admin/care/follow-ups")
    String followUps(Model model) {
        return showQueue(model, null, null);
    }

    @PostMapping("/admin/care/follow-ups/{id:\\d{1,18}}/assign")
    String assign(@PathVariable long id, @RequestParam(name = "assigneeId", required = false) @Nullable Long assigneeId,
                  RedirectAttributes redirect) {
        if (followUps.assign(id, assigneeId)) {
            redirect.addFlashAttribute("flashSuccess", "care.followUps.assigned");
        } else {
            redirect.addFlashAttribute("flashError", "care.followUps.notAssigned");
        }
        return "redirect:/admin/care/follow-ups#task-" + id;
    }

    @PostMapping("/admin/care/follow-ups/{id:\\d{1,18}}/done")
    String done(@PathVariable long id, @Valid @ModelAttribute("doneForm") FollowUpDoneForm form, BindingResult errors,
                Principal principal, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return showQueue(model, id, form);
        }
        if (followUps.markDone(id, form.getNote(), principal.getName())) {
            redirect.addFlashAttribute("flashSuccess", "care.followUps.markedDone");
        } else {
            redirect.addFlashAttribute("flashError", "care.followUps.alreadyDone");
        }
        return "redirect:/admin/care/follow-ups";
    }

    private String showQueue(Model model, @Nullable Long failedId, @Nullable FollowUpDoneForm failedForm) {
        Instant now = clock.instant();
        DateTimeFormatter dates = dates();
        List<TaskRow> rows = followUps.queue().stream().map(task -> new TaskRow(task,
                dates.format(task.answeredAt()), dates.format(task.dueAt()), task.overdue(now),
                task.doneAt() == null ? null : dates.format(task.doneAt()))).toList();
        model.addAttribute("openTasks", rows.stream().filter(row -> row.task().doneAt() == null).toList());
        model.addAttribute("doneTasks", rows.stream().filter(row -> row.task().doneAt() != null).toList());
        model.addAttribute("assignees", followUps.assignees());
        model.addAttribute("failedId", failedId);
        model.addAttribute("doneForm", failedForm == null ? new FollowUpDoneForm() : failedForm);
        model.addAttribute("doneErrorKey", failedForm != null && failedForm.getNote() != null
                && !failedForm.getNote().isBlank() ? "care.followUps.noteTooLong" : "care.followUps.noteRequired");
        return "care/admin-follow-ups";
    }

    @GetMapping("/admin/care/satisfaction")
    String satisfaction(@RequestParam(name = "by", required = false) @Nullable String by, Model model) {
        Granularity granularity = "month".equals(by) ? Granularity.MONTH : Granularity.WEEK;
        ZoneId zone = shopTime.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter label = granularity == Granularity.WEEK
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                : DateTimeFormatter.ofPattern("yyyy-MM", locale);
        List<Bar> bars = report.periods(granularity, today, zone).stream()
                .map(period -> bar(label.format(period.start()), period.score())).toList();
        model.addAttribute("by", granularity.name().toLowerCase(Locale.ROOT));
        model.addAttribute("bars", bars);
        model.addAttribute("overall", report.overall());
        model.addAttribute("products", report.perProduct());
        model.addAttribute("staffScores", answers.perStaffMember());
        DateTimeFormatter dates = dates();
        model.addAttribute("comments", report.comments().stream()
                .map(comment -> new CommentRow(comment, dates.format(comment.changedAt()))).toList());
        return "care/admin-satisfaction";
    }

    record CommentRow(SatisfactionReport.Comment comment, String when) {
    }

    /** The chart is 200 wide with 0 in the middle: a score of ±100 fills one half. */
    static Bar bar(String label, NetPromoterScore counts) {
        Integer score = counts.score();
        int value = score == null ? 0 : score;
        int width = Math.abs(value);
        return new Bar(label, score, counts, value < 0 ? 100 - width : 100, width, value < 0);
    }

    private DateTimeFormatter dates() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
                .withZone(shopTime.zone());
    }
}

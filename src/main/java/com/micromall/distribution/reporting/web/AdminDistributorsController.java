package com.micromall.distribution.reporting.web;

import com.micromall.shared.web.CsvDownload;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.reporting.DistributorRoll;
import com.micromall.distribution.reporting.DistributorRoll.Row;
import com.micromall.distribution.reporting.DistributorRoll.Sort;
import com.micromall.distribution.referral.DistributorStateException;
import com.micromall.distribution.reporting.DistributorStatement;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import java.time.YearMonth;
import java.util.Currency;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's roll of distributors (search, whitelisted sort, pages), its CSV export for Excel,
 * and the owner's steps on a distributor: approve, suspend, reactivate (audited by the service).
 */
@Controller
@RequiredArgsConstructor
class AdminDistributorsController {

    static final int PAGE_SIZE = 25;
    static final List<String> STATEMENT_COLUMNS = List.of("month", "referred", "orders", "gmv", "credited", "reversed",
            "clawedBack", "voided", "paidOut");
    static final List<String> CSV_COLUMNS = List.of("name", "email", "phone", "wechatId", "code", "status", "referred",
            "orders", "gmv", "frozen", "available", "onHold", "paidOut");

    private final DistributorRoll roll;
    private final DistributorEnrolment enrolment;
    private final DistributorStatement statements;
    private final MessageSource messages;
    private final ShopTime shopTime;

    @GetMapping("/admin/distributors")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") String page, Model model) {
        Sort order = Sort.parse(sort);
        model.addAttribute("adminSection", "distribution");
        model.addAttribute("distributionSection", "distributors");
        model.addAttribute("q", q);
        model.addAttribute("sort", order.name());
        model.addAttribute("sorts", Sort.values());
        model.addAttribute("result", roll.search(q, order, page(page), PAGE_SIZE));
        model.addAttribute("year", thisYear());
        return "distribution/admin-distributors";
    }

    /** The roll as CSV: UTF-8 with a byte-order mark, so Excel shows Chinese names; quoting by Commons CSV. */
    @GetMapping("/admin/distributors.csv")
    void csv(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String sort, Locale locale,
             HttpServletResponse response) throws IOException {
        try (CSVPrinter csv = CsvDownload.open(response, "distributors.csv")) {
            csv.printRecord(CSV_COLUMNS.stream()
                    .map(c -> messages.getMessage("admin.distributors.column." + c, null, locale)).toList());
            roll.forEach(q, Sort.parse(sort), row -> print(csv, row, locale));
        }
    }

    private void print(CSVPrinter csv, Row row, Locale locale) {
        try {
            csv.printRecord(CsvDownload.text(row.name()), CsvDownload.text(row.email()), CsvDownload.text(row.phone()),
                    CsvDownload.text(row.wechatId()), row.code(),
                    messages.getMessage("admin.distributors.status." + row.status(), null, locale), row.referred(),
                    row.orders(), row.gmv().amount().toPlainString(), row.frozen().amount().toPlainString(),
                    row.available().amount().toPlainString(), row.onHold().amount().toPlainString(),
                    row.paidOut().amount().toPlainString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A distributor's year month by month, with totals (CSV, UTF-8 with BOM). An unknown distributor is
     * a 404; a year that is not a number from 2000 to next year goes back to the roll with a message.
     */
    @GetMapping("/admin/distributors/{customerId}/statement.csv")
    @Nullable String statement(@PathVariable long customerId, @RequestParam(defaultValue = "") String year, Locale locale,
                               HttpServletResponse response, RedirectAttributes flash) throws IOException {
        DistributorEnrolment.DistributorView distributor = enrolment.find(customerId)
                .orElseThrow(() -> new NotFoundException("distributor " + customerId));
        int thisYear = thisYear();
        if (!year.strip().matches("\\d{4}") || Integer.parseInt(year.strip()) < 2000
                || Integer.parseInt(year.strip()) > thisYear + 1) {
            flash.addFlashAttribute("flashError", "admin.distributors.error.year");
            flash.addFlashAttribute("flashArgs", new Object[] {2000, thisYear + 1});
            return "redirect:/admin/distributors";
        }
        int y = Integer.parseInt(year.strip());
        List<DistributorStatement.Month> months = statements.of(customerId, y);
        try (CSVPrinter csv = CsvDownload.open(response, "statement-" + distributor.code() + "-" + y + ".csv")) {
            csv.printRecord(STATEMENT_COLUMNS.stream()
                    .map(c -> messages.getMessage("admin.distributors.statement.column." + c, null, locale)).toList());
            Currency currency = months.get(0).credited().currency();
            long referred = 0;
            long orders = 0;
            Money[] totals = {Money.zero(currency), Money.zero(currency), Money.zero(currency), Money.zero(currency),
                    Money.zero(currency), Money.zero(currency)};
            for (DistributorStatement.Month m : months) {
                referred += m.referred();
                orders += m.orders();
                Money[] values = {m.gmv(), m.credited(), m.reversed(), m.clawedBack(), m.voided(), m.paidOut()};
                List<String> record = new java.util.ArrayList<>(List.of(YearMonth.of(y, m.month()).toString(),
                        Long.toString(m.referred()), Long.toString(m.orders())));
                for (int i = 0; i < values.length; i++) {
                    totals[i] = totals[i].plus(values[i]);
                    record.add(values[i].amount().toPlainString());
                }
                csv.printRecord(record);
            }
            List<String> total = new java.util.ArrayList<>(
                    List.of(messages.getMessage("admin.distributors.statement.total", new Object[] {y}, locale),
                            Long.toString(referred), Long.toString(orders)));
            for (Money t : totals) {
                total.add(t.amount().toPlainString());
            }
            csv.printRecord(total);
        }
        return null;
    }

    private int thisYear() {
        return shopTime.today().getYear();
    }

    @PostMapping("/admin/distributors/{customerId}/approve")
    String approve(@PathVariable long customerId, Authentication owner, RedirectAttributes flash) {
        return act(flash, "admin.distributors.approved", () -> enrolment.approve(customerId, owner.getName()));
    }

    @PostMapping("/admin/distributors/{customerId}/suspend")
    String suspend(@PathVariable long customerId, Authentication owner, RedirectAttributes flash) {
        return act(flash, "admin.distributors.suspended", () -> enrolment.suspend(customerId, owner.getName()));
    }

    @PostMapping("/admin/distributors/{customerId}/reactivate")
    String reactivate(@PathVariable long customerId, Authentication owner, RedirectAttributes flash) {
        return act(flash, "admin.distributors.reactivated", () -> enrolment.reactivate(customerId, owner.getName()));
    }

    private static String act(RedirectAttributes flash, String success, Runnable step) {
        try {
            step.run();
            flash.addFlashAttribute("flashSuccess", success);
        } catch (DistributorStateException e) {
            flash.addFlashAttribute("flashError", "admin.distributors.error.state");
        }
        return "redirect:/admin/distributors";
    }

    private static int page(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

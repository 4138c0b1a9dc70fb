package com.micromall.distribution.payout.web;

import com.micromall.shared.web.CsvDownload;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.payout.WithdrawalService;
import com.micromall.distribution.payout.WithdrawalState;
import com.micromall.distribution.payout.WithdrawalStateException;
import com.micromall.settings.ShopTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's withdrawal queue: mark paid (with the payment reference) or reject (with a reason); CSV for the bank. */
@Controller
@RequiredArgsConstructor
class AdminWithdrawalController {

    static final String[] CSV_HEADER = {"id", "name", "email", "method", "account_details", "amount", "fee", "net",
            "currency", "requested_at"};

    private final WithdrawalService withdrawals;
    private final ShopTime shopTime;

    @GetMapping("/admin/withdrawals")
    String queue(@RequestParam(required = false) String state, Model model) {
        WithdrawalState chosen = state(state);
        model.addAttribute("adminSection", "distribution");
        model.addAttribute("distributionSection", "withdrawals");
        model.addAttribute("state", chosen);
        model.addAttribute("states", WithdrawalState.values());
        model.addAttribute("rows", withdrawals.queue(chosen));
        return "distribution/admin-withdrawals";
    }

    @PostMapping("/admin/withdrawals/{id}/pay")
    String pay(@PathVariable long id, @ModelAttribute WithdrawalDecisionForm form,
               @AuthenticationPrincipal CustomerPrincipal owner, RedirectAttributes flash) {
        String reference = WithdrawalDecisionForm.required(form.getPaymentReference(), WithdrawalService.REFERENCE_MAX);
        if (reference == null) {
            flash.addFlashAttribute("flashError", "admin.withdrawals.error.reference");
            flash.addFlashAttribute("flashArgs", new Object[] {String.valueOf(id)});
            return back();
        }
        return decide(id, flash, "admin.withdrawals.flash.paid", () -> withdrawals.pay(id, reference, owner.getEmail()));
    }

    @PostMapping("/admin/withdrawals/{id}/reject")
    String reject(@PathVariable long id, @ModelAttribute WithdrawalDecisionForm form,
                  @AuthenticationPrincipal CustomerPrincipal owner, RedirectAttributes flash) {
        String reason = WithdrawalDecisionForm.required(form.getReason(), WithdrawalService.REASON_MAX);
        if (reason == null) {
            flash.addFlashAttribute("flashError", "admin.withdrawals.error.reason");
            flash.addFlashAttribute("flashArgs", new Object[] {String.valueOf(id)});
            return back();
        }
        return decide(id, flash, "admin.withdrawals.flash.rejected", () -> withdrawals.reject(id, reason, owner.getEmail()));
    }

    /** A bank batch: UTF-8 with a byte order mark, so Excel opens Chinese names correctly. */
    @GetMapping("/admin/withdrawals.csv")
    void csv(@RequestParam(required = false) String state, HttpServletResponse response) throws IOException {
        WithdrawalState chosen = state(state);
        try (CSVPrinter csv = CsvDownload.open(response, "withdrawals-" + chosen.name().toLowerCase() + ".csv")) {
            csv.printRecord((Object[]) CSV_HEADER);
            for (WithdrawalService.QueueRow row : withdrawals.queue(chosen)) {
                var w = row.withdrawal();
                csv.printRecord(w.id(), CsvDownload.text(row.name()), CsvDownload.text(row.email()), w.method().name(),
                        CsvDownload.text(w.accountDetails()),
                        w.amount().amount().toPlainString(), w.fee().amount().toPlainString(),
                        w.net().amount().toPlainString(), w.amount().currency().getCurrencyCode(),
                        shopTime.forExport(w.requestedAt()));
            }
        }
    }

    /** A decision already taken (the same form sent twice) is reported as done, not as an error. */
    private static String decide(long id, RedirectAttributes flash, String successKey, BooleanSupplier action) {
        try {
            boolean changed = action.getAsBoolean();
            flash.addFlashAttribute("flashSuccess", changed ? successKey : "admin.withdrawals.flash.alreadyDecided");
        } catch (WithdrawalStateException | OptimisticLockingFailureException e) {
            flash.addFlashAttribute("flashError", "admin.withdrawals.error.decided");
        }
        flash.addFlashAttribute("flashArgs", new Object[] {String.valueOf(id)});
        return back();
    }

    private static String back() {
        return "redirect:/admin/withdrawals";
    }

    private static WithdrawalState state(@Nullable String state) {
        return Arrays.stream(WithdrawalState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElse(WithdrawalState.REQUESTED);
    }
}

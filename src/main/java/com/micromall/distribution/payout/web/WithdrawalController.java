package com.micromall.distribution.payout.web;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.web.MoneyFormat;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The distributor's withdrawals: balance, the rules, the request form and the history. Only their own. */
@Controller
@RequiredArgsConstructor
class WithdrawalController {

    private static final String VIEW = "distribution/withdrawals";

    private final WithdrawalService withdrawals;
    private final ShopSettingsService shopSettings;
    private final MoneyFormat money;
    private final CustomerApi customers;

    @GetMapping("/distribution/withdrawals")
    String page(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        model.addAttribute("withdrawalForm", new WithdrawalForm());
        return show(principal, model);
    }

    @PostMapping("/distribution/withdrawals")
    String request(@AuthenticationPrincipal CustomerPrincipal principal,
                   @ModelAttribute("withdrawalForm") WithdrawalForm form, BindingResult errors, Model model,
                   RedirectAttributes redirect) {
        // Money only leaves for an address that is known to reach its owner.
        if (!customers.isEmailVerified(principal.getCustomerId())) {
            errors.reject("distribution.withdrawals.error.unverified");
            return show(principal, model);
        }
        int scale = Math.max(shopSettings.current().currency().getDefaultFractionDigits(), 0);
        WithdrawalForm.Request request = form.parse(scale, errors);
        if (request == null) {
            return show(principal, model);
        }
        WithdrawalService.Outcome outcome = withdrawals.request(principal.getCustomerId(), request.amount(),
                request.method(), request.accountDetails(), form.getRequestToken());
        if (!outcome.accepted()) {
            for (WithdrawalService.Refusal refusal : outcome.refusals()) {
                Object[] args = refusal.args().stream().map(money::format).toArray();
                if (refusal.field() == null) {
                    errors.reject(refusal.messageKey(), args, null);
                } else {
                    errors.rejectValue(refusal.field(), refusal.messageKey(), args, null);
                }
            }
            return show(principal, model);
        }
        redirect.addFlashAttribute("flashSuccess", outcome.repeated()
                ? "distribution.withdrawals.flash.alreadyRequested" : "distribution.withdrawals.flash.requested");
        redirect.addFlashAttribute("flashArgs", new Object[] {money.format(outcome.amount())});
        return "redirect:/distribution/withdrawals";
    }

    private String show(CustomerPrincipal principal, Model model) {
        model.addAttribute("overview", withdrawals.overview(principal.getCustomerId()));
        model.addAttribute("methods", WithdrawalMethod.values());
        model.addAttribute("emailUnverified", !customers.isEmailVerified(principal.getCustomerId()));
        return VIEW;
    }
}

package com.micromall.distribution.invitations.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralBindings.BindingOutcome;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Who invited you?": a customer who registered without a referrer may enter a code once,
 * before their first order. Also the application to become a distributor (rule APPROVAL).
 */
@Controller
@RequiredArgsConstructor
class InvitedByController {

    private static final String VIEW = "distribution/invited-by";

    private final ReferralBindings bindings;
    private final DistributorEnrolment enrolment;

    @GetMapping("/distribution/invited-by")
    String form(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        model.addAttribute("invitedByForm", new InvitedByForm());
        return show(principal, model);
    }

    @PostMapping("/distribution/invited-by")
    String submit(@AuthenticationPrincipal CustomerPrincipal principal,
                  @Valid @ModelAttribute("invitedByForm") InvitedByForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(principal, model);
        }
        BindingOutcome outcome = bindings.bindLater(principal.getCustomerId(), form.getCode());
        switch (outcome) {
            case BOUND -> {
                redirect.addFlashAttribute("flashSuccess", "distribution.invitedBy.bound");
                return "redirect:/distribution/invited-by";
            }
            case ALREADY_BOUND, ALREADY_ORDERED -> errors.reject("distribution.invitedBy." + key(outcome));
            default -> errors.rejectValue("code", "distribution.invitedBy.code." + key(outcome));
        }
        return show(principal, model);
    }

    @PostMapping("/distribution/apply")
    String apply(@AuthenticationPrincipal CustomerPrincipal principal, RedirectAttributes redirect) {
        DistributorEnrolment.ApplyOutcome outcome = enrolment.apply(principal.getCustomerId());
        switch (outcome) {
            case ACTIVE -> redirect.addFlashAttribute("flashSuccess", "distribution.apply.active");
            case PENDING -> redirect.addFlashAttribute("flashSuccess", "distribution.apply.sent");
            case SUSPENDED -> redirect.addFlashAttribute("flashError", "distribution.apply.suspended");
            case NOT_YET_ELIGIBLE -> redirect.addFlashAttribute("flashSuccess", "distribution.apply.firstPurchase");
        }
        // The share page says where the application stands and what comes next.
        return "redirect:/distribution";
    }

    private String show(CustomerPrincipal principal, Model model) {
        long customerId = principal.getCustomerId();
        model.addAttribute("mayEnterCode", bindings.mayEnterCodeLater(customerId));
        model.addAttribute("alreadyBound", bindings.referrerOf(customerId).isPresent());
        return VIEW;
    }

    private static String key(BindingOutcome outcome) {
        return switch (outcome) {
            case UNKNOWN_CODE -> "unknown";
            case OWN_CODE -> "own";
            case SAME_EMAIL -> "sameEmail";
            case CYCLE -> "cycle";
            case ALREADY_BOUND, REBOUND, PROTECTED -> "alreadyBound";
            case ALREADY_ORDERED -> "alreadyOrdered";
            case BOUND -> "bound";
        };
    }
}

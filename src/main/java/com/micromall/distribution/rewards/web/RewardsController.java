package com.micromall.distribution.rewards.web;

import com.micromall.distribution.referral.DistributorChoices;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.rewards.DistributorRewards;
import com.micromall.distribution.rewards.DistributorRewards.RewardsView;
import com.micromall.distribution.referral.DistributorStateException;
import com.micromall.distribution.referral.DistributorStatus;
import com.micromall.distribution.RewardForm;
import java.util.Arrays;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The distributor's reward choices: cash, store credit or points among the forms the owner offers (each bonus shown
 * on a sample commission), and the
 * friend's share with an example on a sample first order. Customers who are not distributors get
 * a friendly page pointing to the application.
 */
@Controller
@RequestMapping("/distribution/rewards")
@RequiredArgsConstructor
class RewardsController {

    private static final String VIEW = "distribution/rewards";
    private final DistributorRewards rewards;
    private final DistributorChoices choices;

    @GetMapping
    String page(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        Optional<RewardsView> view = rewards.view(principal.getCustomerId());
        RewardFormForm formForm = new RewardFormForm();
        FriendShareForm shareForm = new FriendShareForm();
        view.ifPresent(v -> {
            formForm.setRewardForm(v.rewardForm().name());
            shareForm.setFriendSharePercent(String.valueOf(v.friendSharePercent()));
        });
        model.addAttribute("rewardFormForm", formForm);
        model.addAttribute("friendShareForm", shareForm);
        return show(view, model);
    }

    @PostMapping("/form")
    String chooseForm(@AuthenticationPrincipal CustomerPrincipal principal,
                      @ModelAttribute("rewardFormForm") RewardFormForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        Optional<RewardsView> view = rewards.view(principal.getCustomerId());
        RewardForm chosen = Arrays.stream(RewardForm.values()).filter(f -> f.name().equals(form.getRewardForm()))
                .findFirst().orElse(null);
        if (view.isPresent() && (chosen == null || !view.get().offers(chosen))) {
            errors.rejectValue("rewardForm", "distribution.rewards.validation.form");
        }
        if (view.isEmpty() || errors.hasErrors()) {
            return again(view, model, null, form);
        }
        try {
            // The same choice posted twice changes nothing the second time (and writes no second audit line).
            if (!choices.chooseRewardForm(principal.getCustomerId(), chosen, "customer:" + principal.getCustomerId())) {
                // The owner stopped offering it between showing the page and this post.
                errors.rejectValue("rewardForm", "distribution.rewards.validation.form");
                return again(rewards.view(principal.getCustomerId()), model, null, form);
            }
        } catch (DistributorStateException e) {
            errors.reject("distribution.rewards.suspended");
            return again(view, model, null, form);
        }
        redirect.addFlashAttribute("flashSuccess", "distribution.rewards.saved.form." + chosen.name());
        return "redirect:/distribution/rewards";
    }

    @PostMapping("/share")
    String chooseShare(@AuthenticationPrincipal CustomerPrincipal principal,
                       @ModelAttribute("friendShareForm") FriendShareForm form, BindingResult errors, Model model,
                       RedirectAttributes redirect) {
        Optional<RewardsView> view = rewards.view(principal.getCustomerId());
        Integer percent = DistributorRewards.SHARE_CHOICES.stream().filter(p -> String.valueOf(p).equals(form.getFriendSharePercent()))
                .findFirst().orElse(null);
        if (view.isPresent() && percent == null) {
            errors.rejectValue("friendSharePercent", "distribution.rewards.validation.share");
        }
        if (view.isEmpty() || errors.hasErrors()) {
            return again(view, model, form, null);
        }
        try {
            choices.chooseFriendShare(principal.getCustomerId(), percent, "customer:" + principal.getCustomerId());
        } catch (DistributorStateException e) {
            errors.reject("distribution.rewards.suspended");
            return again(view, model, form, null);
        }
        redirect.addFlashAttribute("flashSuccess", "distribution.rewards.saved.share");
        redirect.addFlashAttribute("flashArgs", new Object[] {percent});
        return "redirect:/distribution/rewards";
    }

    /** Re-shows the page with the submitted form (and its errors) and the other form as saved. */
    private String again(Optional<RewardsView> view, Model model, @Nullable FriendShareForm share,
                         @Nullable RewardFormForm form) {
        if (form == null) {
            RewardFormForm saved = new RewardFormForm();
            view.ifPresent(v -> saved.setRewardForm(v.rewardForm().name()));
            model.addAttribute("rewardFormForm", saved);
        }
        if (share == null) {
            FriendShareForm saved = new FriendShareForm();
            view.ifPresent(v -> saved.setFriendSharePercent(String.valueOf(v.friendSharePercent())));
            model.addAttribute("friendShareForm", saved);
        }
        return show(view, model);
    }

    private String show(Optional<RewardsView> view, Model model) {
        model.addAttribute("rewards", view.orElse(null));
        model.addAttribute("suspended", view.map(v -> v.status() == DistributorStatus.SUSPENDED).orElse(false));
        model.addAttribute("bonus", view.map(v -> v.bonusPercent().stripTrailingZeros().toPlainString()).orElse(""));
        return VIEW;
    }
}

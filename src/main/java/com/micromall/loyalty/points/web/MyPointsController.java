package com.micromall.loyalty.points.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.points.PointsBook;
import com.micromall.loyalty.points.PointsGifts;
import com.micromall.loyalty.points.PointsRewards;
import com.micromall.loyalty.points.PointsSettingsService;
import com.micromall.settings.ShopSettingsService;
import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My points": the signed-in customer's own balance and history, and vouchers and gifts to take for points. */
@Controller
@RequiredArgsConstructor
class MyPointsController {

    private static final int HISTORY = 200;

    private final PointsBook book;
    private final PointsRewards rewards;
    private final PointsGifts gifts;
    private final PointsSettingsService settings;
    private final ShopSettingsService shopSettings;
    private final Clock clock;

    @GetMapping("/account/points")
    String mine(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        long customerId = principal.getCustomerId();
        model.addAttribute("balance", book.balanceOf(customerId,
                clock.instant().atZone(shopSettings.current().timeZone()).plusMonths(1).toInstant()));
        model.addAttribute("history", book.historyOf(customerId, HISTORY));
        model.addAttribute("terms", settings.current());
        model.addAttribute("pointWorth", settings.current().valueOf(1, shopSettings.current().currency()));
        model.addAttribute("rewards", settings.current().enabled() ? rewards.offered() : java.util.List.of());
        model.addAttribute("gifts", gifts.offered());
        model.addAttribute("formToken", UUID.randomUUID().toString());
        return "loyalty/my-points";
    }

    @PostMapping("/account/points/redeem")
    String redeem(@AuthenticationPrincipal CustomerPrincipal principal, @RequestParam long templateId,
                  @RequestParam String formToken, RedirectAttributes redirect) {
        if (formToken.isBlank() || formToken.length() > 64) {
            redirect.addFlashAttribute("flashError", "loyalty.points.redeem.notOffered");
            return "redirect:/account/points";
        }
        switch (rewards.redeem(principal.getCustomerId(), templateId, formToken)) {
            case REDEEMED, ALREADY -> redirect.addFlashAttribute("flashSuccess", "loyalty.points.redeem.done");
            case TOO_FEW -> redirect.addFlashAttribute("flashError", "loyalty.points.redeem.tooFew");
            case NOT_ISSUED -> redirect.addFlashAttribute("flashError", "loyalty.points.redeem.notIssued");
            default -> redirect.addFlashAttribute("flashError", "loyalty.points.redeem.notOffered");
        }
        return "redirect:/account/points";
    }
}

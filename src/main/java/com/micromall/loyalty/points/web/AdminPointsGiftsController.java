package com.micromall.loyalty.points.web;

import com.micromall.loyalty.points.PointsGifts;
import java.math.BigDecimal;
import java.security.Principal;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's gifts for points: which products of the catalogue customers may take for how many points. */
@Controller
@RequiredArgsConstructor
class AdminPointsGiftsController {

    private static final long MAX_POINTS = 1_000_000_000L;

    private final PointsGifts gifts;

    @GetMapping("/admin/loyalty/points/gifts")
    String page(Model model) {
        model.addAttribute("adminSection", "points");
        model.addAttribute("items", gifts.catalogue());
        return "loyalty/admin-gifts";
    }

    @PostMapping("/admin/loyalty/points/gifts/{productId:\\d{1,18}}")
    String save(@PathVariable long productId, @RequestParam(required = false) @Nullable String points,
                @RequestParam(defaultValue = "false") boolean offered, Principal owner, Model model,
                RedirectAttributes redirect) {
        if (gifts.catalogue().stream().noneMatch(item -> item.product().id() == productId)) {
            redirect.addFlashAttribute("flashError", "loyalty.points.gifts.admin.unknown");
            return "redirect:/admin/loyalty/points/gifts";
        }
        Long typed = wholeNumber(points);
        if (typed == null) {
            // The row shows what was typed, with the message next to it.
            model.addAttribute("rejectedProduct", productId);
            model.addAttribute("rejectedPoints", points == null ? "" : points);
            model.addAttribute("rejectedOffered", offered);
            return page(model);
        }
        gifts.set(productId, typed, offered, owner.getName());
        redirect.addFlashAttribute("flashSuccess", "loyalty.points.gifts.admin.saved");
        return "redirect:/admin/loyalty/points/gifts#gift-" + productId;
    }

    private static @Nullable Long wholeNumber(@Nullable String typed) {
        if (typed == null || typed.isBlank() || typed.strip().length() > 12) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(typed.strip());
            if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.ONE) < 0
                    || number.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
                return null;
            }
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}

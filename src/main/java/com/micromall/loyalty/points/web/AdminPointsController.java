package com.micromall.loyalty.points.web;

import com.micromall.loyalty.points.PointsBook;
import com.micromall.loyalty.points.PointsRewards;
import com.micromall.loyalty.points.PointsSettings;
import com.micromall.loyalty.points.PointsSettingsService;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.settings.ShopSettingsService;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's points page: the terms, which vouchers customers may take for points, and the points reconciliation. */
@Controller
@RequiredArgsConstructor
class AdminPointsController {

    private static final String PAGE = "loyalty/admin-points";
    private static final BigDecimal MAX_RATE = new BigDecimal("1000");
    private static final long MAX_POINTS = 1_000_000_000L;
    private static final int MAX_MONTHS = 120;

    private final PointsSettingsService settings;
    private final PointsBook book;
    private final PointsRewards rewards;
    private final VoucherIssuing vouchers;
    private final ShopSettingsService shopSettings;

    @GetMapping("/admin/loyalty/points")
    String page(Model model) {
        PointsSettings current = settings.current();
        PointsSettingsForm form = new PointsSettingsForm();
        form.setEnabled(current.enabled());
        form.setPointsPerUnit(current.pointsPerUnit().stripTrailingZeros().toPlainString());
        form.setReferralPoints(Long.toString(current.referralPoints()));
        form.setPointValue(current.pointValue().toPlainString());
        form.setCapPercent(current.capPercent().stripTrailingZeros().toPlainString());
        form.setExpiryMonths(Integer.toString(current.expiryMonths()));
        form.setVersion(current.version());
        return page(form, model);
    }

    @PostMapping("/admin/loyalty/points")
    String save(@ModelAttribute("pointsForm") PointsSettingsForm form, BindingResult errors, Principal owner,
                Model model, RedirectAttributes redirect) {
        PointsSettings terms = terms(form, errors);
        if (terms == null) {
            return page(form, model);
        }
        switch (settings.update(terms, owner.getName())) {
            case CHANGED_MEANWHILE -> {
                errors.reject("loyalty.points.admin.changedMeanwhile");
                return page(form, model);
            }
            case UNCHANGED -> redirect.addFlashAttribute("flashSuccess", "loyalty.points.admin.unchanged");
            default -> redirect.addFlashAttribute("flashSuccess", "loyalty.points.admin.saved");
        }
        return "redirect:/admin/loyalty/points";
    }

    @PostMapping("/admin/loyalty/points/vouchers/{templateId:\\d{1,18}}")
    String price(@PathVariable long templateId, @RequestParam(required = false) @Nullable String points, Principal owner,
                 RedirectAttributes redirect) {
        Long typed = wholeNumber(points == null || points.isBlank() ? "0" : points, 0, MAX_POINTS);
        if (typed == null || vouchers.templates().stream().noneMatch(t -> t.template().id() == templateId)) {
            redirect.addFlashAttribute("flashError", "loyalty.points.admin.validation.price");
            return "redirect:/admin/loyalty/points";
        }
        rewards.price(templateId, typed, owner.getName());
        redirect.addFlashAttribute("flashSuccess", "loyalty.points.admin.priceSaved");
        return "redirect:/admin/loyalty/points";
    }

    private String page(PointsSettingsForm form, Model model) {
        Map<Long, Long> prices = rewards.prices();
        model.addAttribute("adminSection", "points");
        model.addAttribute("pointsForm", form);
        model.addAttribute("templates", vouchers.templates().stream().map(VoucherIssuing.TemplateWithFigures::template)
                .toList());
        model.addAttribute("prices", prices);
        model.addAttribute("reconciliation", book.reconcile());
        model.addAttribute("currency", shopSettings.current().currency().getCurrencyCode());
        return PAGE;
    }

    /** The typed terms, or null with a message on each wrong field. */
    private @Nullable PointsSettings terms(PointsSettingsForm form, BindingResult errors) {
        int cents = Math.max(shopSettings.current().currency().getDefaultFractionDigits(), 0);
        BigDecimal rate = number(form.getPointsPerUnit());
        if (rate == null || rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > 2) {
            errors.rejectValue("pointsPerUnit", "loyalty.points.admin.validation.rate");
        }
        Long referral = wholeNumber(form.getReferralPoints(), 0, MAX_POINTS);
        if (referral == null) {
            errors.rejectValue("referralPoints", "loyalty.points.admin.validation.referral");
        }
        BigDecimal value = number(form.getPointValue());
        if (value == null || value.signum() <= 0 || value.compareTo(new BigDecimal("1000")) > 0
                || value.stripTrailingZeros().scale() > cents) {
            errors.rejectValue("pointValue", "loyalty.points.admin.validation.value");
        }
        BigDecimal cap = number(form.getCapPercent());
        if (cap == null || cap.signum() < 0 || cap.compareTo(BigDecimal.valueOf(100)) > 0 || cap.stripTrailingZeros().scale() > 2) {
            errors.rejectValue("capPercent", "loyalty.points.admin.validation.cap");
        }
        Long months = wholeNumber(form.getExpiryMonths(), 0, MAX_MONTHS);
        if (months == null) {
            errors.rejectValue("expiryMonths", "loyalty.points.admin.validation.months");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new PointsSettings(form.isEnabled(), rate, referral, value, cap, months.intValue(), form.getVersion());
    }

    private static @Nullable BigDecimal number(@Nullable String typed) {
        if (typed == null || typed.isBlank() || typed.strip().length() > 20) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Long wholeNumber(@Nullable String typed, long min, long max) {
        BigDecimal number = number(typed);
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            return null;
        }
        return number.longValueExact();
    }
}

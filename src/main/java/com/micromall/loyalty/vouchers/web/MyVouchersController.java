package com.micromall.loyalty.vouchers.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.vouchers.BirthdayVouchers;
import com.micromall.loyalty.vouchers.CustomerVoucher;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.settings.ShopSettingsService;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My vouchers": the signed-in customer's own vouchers, valid first, then used, then expired; and, when the shop
 * gives birthday vouchers, the month and day of their birthday.
 */
@Controller
@RequiredArgsConstructor
class MyVouchersController {

    private final VoucherIssuing vouchers;
    private final ShopSettingsService settings;
    private final Clock clock;
    private final BirthdayVouchers birthdays;

    @GetMapping("/account/vouchers")
    String mine(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        BirthdayForm form = new BirthdayForm();
        birthdays.birthdayOf(principal.getCustomerId()).ifPresent(birthday -> {
            form.setMonth(Integer.toString(birthday.getMonthValue()));
            form.setDay(Integer.toString(birthday.getDayOfMonth()));
        });
        return page(principal, form, model);
    }

    /** Saves the birthday; a date no year has (31 April) is shown back with a message. */
    @PostMapping("/account/birthday")
    String tellBirthday(@AuthenticationPrincipal CustomerPrincipal principal,
                        @ModelAttribute("birthdayForm") BirthdayForm form, BindingResult errors, Model model,
                        RedirectAttributes flash) {
        MonthDay birthday = monthDay(form);
        if (birthday == null) {
            errors.rejectValue("day", "loyalty.birthday.validation.date");
            return page(principal, form, model);
        }
        birthdays.tell(principal.getCustomerId(), birthday);
        flash.addFlashAttribute("flashSuccess", "loyalty.birthday.saved");
        return "redirect:/account/vouchers#birthday";
    }

    private static @Nullable MonthDay monthDay(BirthdayForm form) {
        try {
            return MonthDay.of(Integer.parseInt(form.getMonth().strip()), Integer.parseInt(form.getDay().strip()));
        } catch (RuntimeException e) { // not a number, or no such day in any year
            return null;
        }
    }

    private String page(CustomerPrincipal principal, BirthdayForm form, Model model) {
        Instant now = clock.instant();
        Map<CustomerVoucher.Status, List<CustomerVoucher>> byStatus = vouchers.vouchersOf(principal.getCustomerId())
                .stream().collect(Collectors.groupingBy(v -> v.status(now)));
        List<CustomerVoucher> valid = new java.util.ArrayList<>(byStatus.getOrDefault(CustomerVoucher.Status.VALID, List.of()));
        valid.addAll(byStatus.getOrDefault(CustomerVoucher.Status.NOT_YET_VALID, List.of()));
        model.addAttribute("valid", valid);
        model.addAttribute("used", byStatus.getOrDefault(CustomerVoucher.Status.USED, List.of()));
        model.addAttribute("expired", byStatus.getOrDefault(CustomerVoucher.Status.EXPIRED, List.of()));
        model.addAttribute("now", now);
        model.addAttribute("zone", settings.current().timeZone());
        model.addAttribute("birthdayForm", form);
        model.addAttribute("birthdayAsked", birthdays.anyGift() || !form.getMonth().isEmpty());
        return "loyalty/my-vouchers";
    }
}

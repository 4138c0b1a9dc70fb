package com.micromall.loyalty.vouchers.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.vouchers.CustomerVoucher;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.settings.ShopSettingsService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "My vouchers": the signed-in customer's own vouchers, valid first, then used, then expired. */
@Controller
@RequiredArgsConstructor
class MyVouchersController {

    private final VoucherIssuing vouchers;
    private final ShopSettingsService settings;
    private final Clock clock;

    @GetMapping("/account/vouchers")
    String mine(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
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
        return "loyalty/my-vouchers";
    }
}

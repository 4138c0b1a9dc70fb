package com.micromall.loyalty.points.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.points.PointsBalance;
import com.micromall.loyalty.points.PointsBook;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The account page's points box: the customer template shows whatever is here, so the customer module does not know
 * loyalty; looked up only when the account page is rendered, and absent for a customer who never had points.
 */
@ControllerAdvice
@RequiredArgsConstructor
class PointsModelAdvice {

    private static final Pattern ACCOUNT_PAGE = Pattern.compile("/account(/profile|/password)?");

    private final PointsBook book;
    private final ShopSettingsService shopSettings;
    private final Clock clock;

    @ModelAttribute("pointsBalance")
    @Nullable LayoutValue<@Nullable PointsBalance> pointsBalance(
            @AuthenticationPrincipal @Nullable CustomerPrincipal principal, HttpServletRequest request) {
        if (principal == null || !ACCOUNT_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()))
                .matches()) {
            return null;
        }
        long customerId = principal.getCustomerId();
        return LayoutValue.of(() -> {
            PointsBalance balance = book.balanceOf(customerId,
                    clock.instant().atZone(shopSettings.current().timeZone()).plusMonths(1).toInstant());
            return balance.any() ? balance : null;
        });
    }
}

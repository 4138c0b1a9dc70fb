package com.micromall.loyalty.levels.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.levels.MemberLevel;
import com.micromall.loyalty.levels.MemberLevels;
import com.micromall.loyalty.levels.MemberStanding;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The member's level where the shop shows it: the member price on a product page and on product tiles, and the level
 * with the progress to the next on the account page. The catalog and customer templates show whatever is here, so
 * neither module knows loyalty; the value is looked up only when one of those pages is rendered for a signed-in
 * customer.
 */
@ControllerAdvice
@RequiredArgsConstructor
class MemberLevelModelAdvice {

    /** The product page, and the home page and product list with their tiles. */
    private static final Pattern PRODUCT_PAGE = Pattern.compile("/|/products(/\\d+)?");
    private static final Pattern ACCOUNT_PAGE = Pattern.compile("/account(/profile|/password)?");

    private final MemberLevels levels;

    /** The level whose discount the product pages show; only a level that gives one. */
    @ModelAttribute("memberLevel")
    @Nullable LayoutValue<@Nullable MemberLevel> memberLevel(@AuthenticationPrincipal @Nullable CustomerPrincipal principal,
                                                            HttpServletRequest request) {
        if (principal == null || !"GET".equals(request.getMethod()) || !PRODUCT_PAGE.matcher(path(request)).matches()) {
            return null;
        }
        long customerId = principal.getCustomerId();
        return LayoutValue.of(() -> levels.levelOf(customerId).filter(MemberLevel::discounts).orElse(null));
    }

    /** The account page's level card; null when the owner has defined no levels. */
    @ModelAttribute("memberStanding")
    @Nullable LayoutValue<@Nullable MemberStanding> memberStanding(
            @AuthenticationPrincipal @Nullable CustomerPrincipal principal, HttpServletRequest request) {
        if (principal == null || !ACCOUNT_PAGE.matcher(path(request)).matches()) {
            return null;
        }
        long customerId = principal.getCustomerId();
        return LayoutValue.of(() -> {
            MemberStanding standing = levels.standingOf(customerId);
            return standing.level() == null && standing.next() == null ? null : standing;
        });
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}

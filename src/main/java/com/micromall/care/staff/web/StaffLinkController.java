package com.micromall.care.staff.web;

import com.micromall.care.staff.StaffAttribution;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.shared.web.LocalRedirect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A staff member's link, as printed on a card or sent by message: like a share link it goes to the shop (or the local
 * {@code next} path). A signed-in customer gets the member as their staff contact at once (unless they have one);
 * a visitor keeps the code in a cookie until they register or sign in. An unknown code just goes to the shop.
 */
@Controller
@RequiredArgsConstructor
class StaffLinkController {

    static final String COOKIE = "mm_staff";
    static final Duration COOKIE_LIFETIME = Duration.ofDays(30);

    private final StaffAttribution attribution;

    @GetMapping("/s/{code}")
    String follow(@PathVariable String code, @RequestParam(name = "next", required = false) @Nullable String next,
                  @AuthenticationPrincipal @Nullable CustomerPrincipal principal,
                  HttpServletRequest request, HttpServletResponse response) {
        String target = LocalRedirect.orHome(next);
        if (!attribution.isKnown(code)) {
            return "redirect:" + target;
        }
        if (principal != null) {
            if (StaffLinkAttributionFilter.isShopper(principal)) {
                attribution.attributeCustomer(principal.getCustomerId(), code, StaffAttribution.Source.LINK);
            }
        } else if (StaffLinkAttributionFilter.cookie(request) == null) {
            // First touch: a code already waiting in this browser is not replaced by a later one.
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, code.strip()).httpOnly(true)
                    .sameSite("Lax").path("/").secure(request.isSecure()).maxAge(COOKIE_LIFETIME).build().toString());
        }
        return "redirect:" + target;
    }
}

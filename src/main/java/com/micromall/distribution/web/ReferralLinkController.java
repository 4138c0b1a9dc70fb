package com.micromall.distribution.web;

import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.internal.ReferralClicks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import com.micromall.shared.web.LocalRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A share link: records the click and sets the attribution cookie for an ACTIVE distributor's
 * code, then goes to {@code next} if it is a local path, else to the shop. Unknown, pending or
 * suspended codes just go to the shop: no cookie, no click, no error page.
 */
@Controller
@RequiredArgsConstructor
class ReferralLinkController {

    private final ReferralClicks clicks;

    @GetMapping("/r/{code}")
    String follow(@PathVariable String code, @RequestParam(name = "next", required = false) @Nullable String next,
                  HttpServletRequest request, HttpServletResponse response) {
        String target = LocalRedirect.orHome(next);
        clicks.follow(code, target, request).ifPresent(followed -> response.addHeader(HttpHeaders.SET_COOKIE,
                ResponseCookie.from(ReferralAttribution.COOKIE, followed.code()).httpOnly(true).sameSite("Lax").path("/")
                        .secure(request.isSecure()).maxAge(followed.attribution()).build().toString()));
        return "redirect:" + target;
    }
}

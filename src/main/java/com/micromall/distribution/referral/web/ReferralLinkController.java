package com.micromall.distribution.referral.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralClicks;
import com.micromall.shared.web.LocalRedirect;
import com.micromall.shared.web.Throttle;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A share link: records the click and sets the attribution cookie for an ACTIVE distributor's
 * code, then goes to {@code next} if it is a local path, else to the shop. Unknown, pending or
 * suspended codes just go to the shop: no cookie, no click, no error page. A client address that
 * follows one link faster than any person does is sent to the shop without being recorded. A signed-in customer
 * who follows a recorded link may be taken over by its sharer when the binding mode is last share wins.
 */
@Controller
class ReferralLinkController {

    /** Far above what a person does by hand; a script reloading links gets nothing recorded. */
    static final int CLICKS_PER_MINUTE = 30;

    private final ReferralClicks clicks;
    private final ReferralBindings bindings;
    private final Throttle perAddress;

    ReferralLinkController(ReferralClicks clicks, ReferralBindings bindings, Clock clock) {
        this.clicks = clicks;
        this.bindings = bindings;
        this.perAddress = new Throttle(CLICKS_PER_MINUTE, Duration.ofMinutes(1), clock);
    }

    @GetMapping("/r/{code}")
    String follow(@PathVariable String code, @RequestParam(name = "next", required = false) @Nullable String next,
                  @AuthenticationPrincipal @Nullable CustomerPrincipal principal,
                  HttpServletRequest request, HttpServletResponse response) {
        String target = LocalRedirect.orHome(next);
        if (perAddress.take(request.getRemoteAddr() + "|" + code).isPresent()) {
            return "redirect:" + target;
        }
        String earlier = attributionCookie(request);
        Optional<ReferralClicks.Followed> recorded = clicks.follow(code, target, request);
        if (principal != null) {
            recorded.ifPresent(f -> bindings.followedLink(principal.getCustomerId(), f.code()));
        }
        recorded
                .filter(followed -> earlier == null || !clicks.earlierLinkHolds(earlier, followed.code()))
                .ifPresent(followed -> response.addHeader(HttpHeaders.SET_COOKIE,
                        ResponseCookie.from(ReferralAttribution.COOKIE, followed.code()).httpOnly(true).sameSite("Lax")
                                .path("/").secure(request.isSecure()).maxAge(followed.attribution()).build().toString()));
        return "redirect:" + target;
    }

    private static @Nullable String attributionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> ReferralAttribution.COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }
}

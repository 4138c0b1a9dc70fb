package com.micromall.care.staff.web;

import com.micromall.care.staff.StaffAttribution;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first request of a signed-in shopper whose browser carries a staff link's code (they followed it before
 * registering or signing in) attributes them to that member - first touch, so an existing contact stays - and
 * drops the cookie. Requests without the cookie pass straight through. Runs after Spring Security's filters, which
 * have put the signed-in account in place.
 */
@Component
@RequiredArgsConstructor
class StaffLinkAttributionFilter extends OncePerRequestFilter {

    private final StaffAttribution attribution;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String code = cookie(request);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (code != null && authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal principal
                && isShopper(principal)) {
            attribution.attributeCustomer(principal.getCustomerId(), code, StaffAttribution.Source.LINK);
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(StaffLinkController.COOKIE, "")
                    .httpOnly(true).sameSite("Lax").path("/").secure(request.isSecure()).maxAge(0).build().toString());
        }
        chain.doFilter(request, response);
    }

    /** Staff and the owner are never anyone's customers. */
    static boolean isShopper(CustomerPrincipal principal) {
        return principal.getAuthorities().stream()
                .anyMatch(authority -> Role.CUSTOMER.authority().equals(authority.getAuthority()));
    }

    static @Nullable String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> StaffLinkController.COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }
}

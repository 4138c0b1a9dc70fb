package com.micromall.order.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CartService.CartKey;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Finds the cart of whoever is asking: a logged-in customer's by id, a visitor's by a random
 * token in an HttpOnly, SameSite=Lax cookie. The first request after logging in moves the
 * visitor's cart into the customer's (see {@link CartService#mergeVisitorCart}).
 */
@Component
@RequiredArgsConstructor
class CurrentCart {

    static final String COOKIE = "micromall_cart";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CartService carts;

    /** The cart key for reading; merges a leftover visitor cart into a logged-in customer's. */
    CartKey key(HttpServletRequest request, HttpServletResponse response) {
        Long customerId = customerId();
        String token = token(request);
        if (customerId != null) {
            if (token != null) {
                carts.mergeVisitorCart(token, customerId);
                expire(response);
            }
            return CartKey.customer(customerId);
        }
        return CartKey.visitor(token);
    }

    /** The cart key for adding: a visitor without a cart gets a new token cookie. */
    CartKey keyForWriting(HttpServletRequest request, HttpServletResponse response) {
        CartKey key = key(request, response);
        if (key.customerId() == null && key.token() == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).httpOnly(true).sameSite("Lax")
                    .path("/").maxAge(java.time.Duration.ofDays(30)).secure(request.isSecure()).build().toString());
            return CartKey.visitor(token);
        }
        return key;
    }

    static @Nullable Long customerId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CustomerPrincipal principal ? principal.getCustomerId() : null;
    }

    private static @Nullable String token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[A-Za-z0-9_-]{16,64}")) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static void expire(HttpServletResponse response) {
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, "").httpOnly(true).sameSite("Lax").path("/")
                .maxAge(0).build().toString());
    }
}

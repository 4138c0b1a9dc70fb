package com.micromall.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered home and category pages that a guest sees for a few seconds
 * ({@code micromall.guest-pages.ttl}, 0 switches it off): every guest with the same address and
 * language would get the same bytes, and rendering them is most of the page's cost.
 * <p>
 * Only a visitor with no cookie but the language and CSRF ones is served from it: a session, a
 * cart, a referral code or a login all change the page, so those pages are always rendered. A page
 * is kept only if it answered 200 as HTML without setting a cookie or opening a session (so no
 * CSRF token and no flash message are in it). Stock hints a guest sees can therefore be up to the
 * time to live old; the product page and checkout always read the stock. Any change the owner
 * makes ({@code POST /admin/...}) empties it, so the owner's edits show at once (only a guest page
 * rendered during the change itself can still be kept with the old state, for the time to live).
 * <p>
 * Runs after Spring Security's filters, so a page from here gets the same security headers.
 */
@Component
class GuestPageCache extends OncePerRequestFilter {

    private static final Set<String> PAGES = Set.of("/", "/products");

    private static final long MAX_BYTES = 8L * 1024 * 1024;

    private record Page(byte[] body, String contentType, Locale locale) {
    }

    private final @Nullable Cache<String, Page> pages;

    GuestPageCache(@Value("${micromall.guest-pages.ttl:PT5S}") Duration ttl) {
        this.pages = ttl.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(MAX_BYTES)
                .<String, Page>weigher((key, page) -> key.length() + page.body().length)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return pages == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Guest guest = HttpMethod.GET.matches(request.getMethod()) && PAGES.contains(path) ? guest(request, path) : null;
        if (guest == null) {
            chain.doFilter(request, response);
            if (!HttpMethod.GET.matches(request.getMethod()) && path.startsWith("/admin/")) {
                pages.invalidateAll();
            }
            return;
        }
        Page page = pages.getIfPresent(guest.key());
        if (page != null) {
            response.setContentType(page.contentType());
            response.setLocale(page.locale());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendered);
        if (!guest.hasCsrfToken() && rendered.getStatus() == HttpServletResponse.SC_OK && rendered.getContentType() != null
                && rendered.getContentType().startsWith("text/html")
                && !rendered.containsHeader(HttpHeaders.SET_COOKIE) && request.getSession(false) == null) {
            pages.put(guest.key(), new Page(rendered.getContentAsByteArray(), rendered.getContentType(),
                    rendered.getLocale()));
        }
        rendered.copyBodyToResponse();
    }

    /**
     * A guest's page: its address and language. The CSRF cookie (set by any page with a form) does not change a page
     * without one, so such a guest is served too; but only a guest without it fills the cache, since a form on the
     * page would otherwise carry that guest's token to everyone (without the cookie, a form sets a new one, and
     * such pages are not kept).
     */
    private record Guest(String key, boolean hasCsrfToken) {
    }

    /** The guest, or null when the request carries anything else that shapes the page. */
    private static @Nullable Guest guest(HttpServletRequest request, String path) {
        if (request.getUserPrincipal() != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String language = "";
        boolean csrfToken = false;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LanguageConfiguration.COOKIE.equals(cookie.getName())) {
                    language = cookie.getValue();
                } else if (SecurityConfiguration.CSRF_COOKIE.equals(cookie.getName())) {
                    csrfToken = true;
                } else {
                    return null;
                }
            }
        }
        String query = request.getQueryString();
        return new Guest(language + ' ' + path + (query == null ? "" : '?' + query), csrfToken);
    }
}

package com.micromall.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
 * Only a visitor with no cookie but the language, CSRF and {@link GuestBanner} ones is served from it:
 * a session, a cart or a login change the page, so those pages are always rendered. A guest with the
 * banner's cookie (the friend who tapped a share link) gets the kept page with their own banner put in
 * at the layout's {@link GuestBanner#MARK}, the one place where the pages differ; banners are kept for
 * the same time. A page is kept only if it answered 200 as HTML without setting a cookie or opening a
 * session (so no CSRF token and no flash message are in it). Stock hints a guest sees can therefore be
 * up to the time to live old; the product page and checkout always read the stock. Any change the owner
 * makes ({@code POST /admin/...}) empties it, so the owner's edits show at once (only a guest page
 * rendered during the change itself can still be kept with the old state, for the time to live).
 * <p>
 * Runs after Spring Security's filters, so a page from here gets the same security headers.
 */
@Component
class GuestPageCache extends OncePerRequestFilter {

    private static final Set<String> PAGES = Set.of("/", "/products");

    private static final long MAX_BYTES = 8L * 1024 * 1024;

    /** A page as a guest without a banner sees it; {@code bannerAt} is where a banner goes, -1 for nowhere. */
    private record Page(byte[] body, String contentType, Locale locale, int bannerAt) {
    }

    private final @Nullable Cache<String, Page> pages;

    /** A banner's HTML by language and cookie value ("" for none). */
    private final @Nullable Cache<String, String> banners;

    private final @Nullable GuestBanner banner;

    GuestPageCache(@Value("${micromall.guest-pages.ttl:PT5S}") Duration ttl, ObjectProvider<GuestBanner> banner) {
        this.pages = ttl.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(MAX_BYTES)
                .<String, Page>weigher((key, page) -> key.length() + page.body().length)
                .build();
        this.banners = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        this.banner = banner.getIfAvailable();
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
                banners.invalidateAll();
            }
            return;
        }
        Page page = pages.getIfPresent(guest.key());
        if (page == null) {
            ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
            chain.doFilter(guest.banner() == null ? request : withoutBannerCookie(request), rendered);
            if (rendered.getStatus() != HttpServletResponse.SC_OK || rendered.getContentType() == null
                    || !rendered.getContentType().startsWith("text/html")) {
                rendered.copyBodyToResponse();
                return;
            }
            byte[] body = rendered.getContentAsByteArray();
            page = new Page(body, rendered.getContentType(), rendered.getLocale(), bannerAt(body));
            if (!guest.hasCsrfToken() && !rendered.containsHeader(HttpHeaders.SET_COOKIE)
                    && request.getSession(false) == null) {
                pages.put(guest.key(), page);
            }
            if (guest.banner() == null) {
                rendered.copyBodyToResponse();
                return;
            }
        }
        write(page, guest.banner() == null ? "" : banner(guest.banner(), page.locale()), response);
    }

    private String banner(String cookieValue, Locale locale) {
        return banners.get(locale.toLanguageTag() + ' ' + cookieValue, key -> banner.html(cookieValue, locale));
    }

    private static void write(Page page, String banner, HttpServletResponse response) throws IOException {
        byte[] body = page.body();
        byte[] inserted = page.bannerAt() < 0 ? new byte[0] : banner.getBytes(StandardCharsets.UTF_8);
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        response.setContentLength(body.length + inserted.length);
        OutputStream out = response.getOutputStream();
        if (inserted.length == 0) {
            out.write(body);
            return;
        }
        out.write(body, 0, page.bannerAt());
        out.write(inserted);
        out.write(body, page.bannerAt(), body.length - page.bannerAt());
    }

    /** The byte index just after the layout's mark in the page, -1 when it has none. */
    private static int bannerAt(byte[] body) {
        String html = new String(body, StandardCharsets.UTF_8);
        int mark = html.indexOf(GuestBanner.MARK);
        return mark < 0 ? -1
                : html.substring(0, mark + GuestBanner.MARK.length()).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The request as a guest without the banner cookie makes it: the page to keep has no banner in it. */
    private HttpServletRequest withoutBannerCookie(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Cookie @Nullable [] getCookies() {
                Cookie[] others = Arrays.stream(super.getCookies())
                        .filter(cookie -> !banner.cookie().equals(cookie.getName())).toArray(Cookie[]::new);
                return others.length == 0 ? null : others;
            }
        };
    }

    /**
     * A guest's page: its address and language, and the banner cookie's value if they have one. The CSRF cookie
     * (set by any page with a form) does not change a page without one, so such a guest is served too; but only a
     * guest without it fills the cache, since a form on the page would otherwise carry that guest's token to
     * everyone (without the cookie, a form sets a new one, and such pages are not kept).
     */
    private record Guest(String key, boolean hasCsrfToken, @Nullable String banner) {
    }

    /** The guest, or null when the request carries anything else that shapes the page. */
    private @Nullable Guest guest(HttpServletRequest request, String path) {
        if (request.getUserPrincipal() != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String language = "";
        boolean csrfToken = false;
        String bannerValue = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LanguageConfiguration.COOKIE.equals(cookie.getName())) {
                    language = cookie.getValue();
                } else if (SecurityConfiguration.CSRF_COOKIE.equals(cookie.getName())) {
                    csrfToken = true;
                } else if (banner != null && banner.cookie().equals(cookie.getName())) {
                    bannerValue = cookie.getValue();
                } else {
                    return null;
                }
            }
        }
        String query = request.getQueryString();
        return new Guest(language + ' ' + path + (query == null ? "" : '?' + query), csrfToken, bannerValue);
    }
}

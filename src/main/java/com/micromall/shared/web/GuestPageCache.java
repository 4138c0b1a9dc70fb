package com.micromall.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered home, category and product pages that a guest sees for a few seconds
 * ({@code micromall.guest-pages.ttl}, 0 switches it off): every guest with the same address and
 * language would get the same bytes but for two holes, and rendering them is most of the page's cost.
 * <p>
 * Only a visitor with no cookie but the language, CSRF and {@link GuestBanner} ones is served from it:
 * a session, a cart or a login change the page, so those pages are always rendered. The holes:
 * <ul>
 * <li>the guest's banner: a guest with the banner's cookie (the friend who tapped a share link) gets the kept
 * page with their own banner put in at the layout's {@link GuestBanner#MARK}; banners are kept for the same time;
 * <li>the CSRF token of a form (the product page's add-to-cart): a page to keep is rendered with a placeholder
 * token that is unique to this process, and each guest gets Spring Security's token for their own request in its
 * place (a guest without one gets a new token and its cookie, as a rendered page gives them).
 * </ul>
 * A page is kept only if it answered 200 as HTML without setting a cookie or opening a session (so no flash
 * message is in it). Stock a guest sees can therefore be up to the time to live old; adding to the cart and
 * checkout always read it, and signed-in customers' pages are always rendered. Any change the owner makes
 * ({@code POST /admin/...}) empties it, so the owner's edits show at once (only a guest page rendered during
 * the change itself can still be kept with the old state, for the time to live).
 * <p>
 * Runs after Spring Security's filters, so a page from here gets the same security headers and CSRF token.
 */
@Component
class GuestPageCache extends OncePerRequestFilter {

    private static final Set<String> PAGES = Set.of("/", "/products");
    private static final Pattern PRODUCT_PAGE = Pattern.compile("/products/\\d{1,18}");

    private static final long MAX_BYTES = 8L * 1024 * 1024;

    /** What a guest's request puts into a hole of a kept page. */
    private enum Hole { BANNER, CSRF_TOKEN }

    /**
     * A page as a guest without a banner sees it, without the CSRF tokens; {@code holeAt[i]} is the byte index
     * where {@code holes[i]} goes, in order.
     */
    private record Page(byte[] body, String contentType, Locale locale, int[] holeAt, Hole[] holes) {
    }

    private final @Nullable Cache<String, Page> pages;

    /** A banner's HTML by language and cookie value ("" for none). */
    private final @Nullable Cache<String, String> banners;

    private final @Nullable GuestBanner banner;

    /** Stands for the CSRF token in a page to keep; random, so no content can contain it by chance. */
    private final String csrfPlaceholder = "csrf-placeholder-" + UUID.randomUUID();

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
        Guest guest = HttpMethod.GET.matches(request.getMethod()) && kept(path) ? guest(request, path) : null;
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
            chain.doFilter(asGuestWithoutBanner(request), rendered);
            if (rendered.getContentType() == null || !rendered.getContentType().startsWith("text/html")) {
                rendered.copyBodyToResponse();
                return;
            }
            page = page(rendered.getContentAsByteArray(), rendered.getContentType(), rendered.getLocale());
            if (rendered.getStatus() == HttpServletResponse.SC_OK && !guest.hasCsrfToken()
                    && !rendered.containsHeader(HttpHeaders.SET_COOKIE) && request.getSession(false) == null) {
                pages.put(guest.key(), page);
            }
        }
        write(page, guest, request, response);
    }

    private static boolean kept(String path) {
        return PAGES.contains(path) || PRODUCT_PAGE.matcher(path).matches();
    }

    /** The page as rendered, with its holes found: after the banner's mark, and where each placeholder token was. */
    private Page page(byte[] rendered, String contentType, Locale locale) {
        String html = new String(rendered, StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream(rendered.length);
        List<Integer> holeAt = new ArrayList<>();
        List<Hole> holes = new ArrayList<>();
        int from = 0;
        while (true) {
            int mark = html.indexOf(GuestBanner.MARK, from);
            int token = html.indexOf(csrfPlaceholder, from);
            if (mark < 0 && token < 0) {
                break;
            }
            boolean bannerFirst = mark >= 0 && (token < 0 || mark < token);
            int upTo = bannerFirst ? mark + GuestBanner.MARK.length() : token;
            body.writeBytes(html.substring(from, upTo).getBytes(StandardCharsets.UTF_8));
            holeAt.add(body.size());
            holes.add(bannerFirst ? Hole.BANNER : Hole.CSRF_TOKEN);
            from = bannerFirst ? upTo : token + csrfPlaceholder.length();
        }
        body.writeBytes(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new Page(body.toByteArray(), contentType, locale, holeAt.stream().mapToInt(Integer::intValue).toArray(),
                holes.toArray(Hole[]::new));
    }

    /** The page with this guest's banner and CSRF token in its holes (the token first, as it may set a cookie). */
    private void write(Page page, Guest guest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        byte[] token = null;
        byte[] bannerHtml = null;
        byte[][] fills = new byte[page.holes().length][];
        int length = page.body().length;
        for (int i = 0; i < fills.length; i++) {
            if (page.holes()[i] == Hole.CSRF_TOKEN) {
                token = token != null ? token : csrfToken(request).getBytes(StandardCharsets.UTF_8);
                fills[i] = token;
            } else {
                bannerHtml = bannerHtml != null ? bannerHtml : (guest.banner() == null ? ""
                        : banner(guest.banner(), page.locale())).getBytes(StandardCharsets.UTF_8);
                fills[i] = bannerHtml;
            }
            length += fills[i].length;
        }
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        response.setContentLength(length);
        OutputStream out = response.getOutputStream();
        int from = 0;
        for (int i = 0; i < fills.length; i++) {
            out.write(page.body(), from, page.holeAt()[i] - from);
            out.write(fills[i]);
            from = page.holeAt()[i];
        }
        out.write(page.body(), from, page.body().length - from);
    }

    /** This request's token from Spring Security's CSRF filter; asking for it saves a new one if the guest has none. */
    private static String csrfToken(HttpServletRequest request) {
        if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            throw new IllegalStateException("no CSRF token on " + request.getRequestURI() + ": CSRF must stay on");
        }
        return token.getToken();
    }

    private String banner(String cookieValue, Locale locale) {
        return banners.get(locale.toLanguageTag() + ' ' + cookieValue, key -> banner.html(cookieValue, locale));
    }

    /**
     * The request as a guest without the banner cookie makes it, with the placeholder for the CSRF token: the page
     * to keep has neither a banner nor anybody's token in it.
     */
    private HttpServletRequest asGuestWithoutBanner(HttpServletRequest request) {
        CsrfToken placeholder = new DefaultCsrfToken(SecurityConfiguration.CSRF_HEADER,
                SecurityConfiguration.CSRF_PARAMETER, csrfPlaceholder);
        return new HttpServletRequestWrapper(request) {
            @Override
            public @Nullable Object getAttribute(String name) {
                return CsrfToken.class.getName().equals(name) || SecurityConfiguration.CSRF_PARAMETER.equals(name)
                        ? placeholder : super.getAttribute(name);
            }

            @Override
            public Cookie @Nullable [] getCookies() {
                Cookie[] cookies = super.getCookies();
                if (cookies == null || banner == null) {
                    return cookies;
                }
                Cookie[] others = Arrays.stream(cookies)
                        .filter(cookie -> !banner.cookie().equals(cookie.getName())).toArray(Cookie[]::new);
                return others.length == 0 ? null : others;
            }
        };
    }

    /**
     * A guest's page: its address and language, and the banner cookie's value if they have one. The CSRF cookie
     * (set by any page with a form) does not change a kept page, whose token is put in per request, so such a guest
     * is served too. Only a guest without it fills the cache: should anything on a page read the real token past
     * the placeholder, it would be a new one, whose cookie keeps the page out of the cache, and never an existing
     * guest's token that would then go to everyone.
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

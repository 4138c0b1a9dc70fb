package com.micromall.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered home and category pages for a few seconds ({@code micromall.kept-pages.ttl}, 0 switches it
 * off), and a guest's product page: everyone with the same address, language and roles would get the same bytes
 * but for a few holes, and rendering them is most of the page's cost.
 * <p>
 * Served from it: a guest with no cookie but the language, CSRF and {@link GuestBanner} ones, and a signed-in
 * customer with no cookie but the language, CSRF and session ones and no flash message waiting. Anything else
 * that shapes a page (a guest's cart or session, a signed-in customer's referral cookie, a distributor's share link
 * on a product page) means the page is rendered. The holes:
 * <ul>
 * <li>a guest's banner: a guest with the banner's cookie (the friend who tapped a share link) gets the kept
 * page with their own banner put in at the layout's {@link GuestBanner#MARK}; banners are kept for the same time;
 * <li>the CSRF token of a form (add-to-cart, log out): a page to keep is rendered with a placeholder token that is
 * unique to this process, and each visitor gets Spring Security's token for their own request in its place (one
 * without a token gets a new one and its cookie, as a rendered page gives them);
 * <li>the header's cart badge ({@link CartBadge#MARK}): a signed-in customer's own count.
 * </ul>
 * Signed-in customers' pages are kept apart from guests' and by roles (the header differs), and a customer's page
 * is kept from the request of whichever customer comes first: the pages kept for them read nothing of the
 * customer's own but the cart count. A page is kept only if it answered 200 as HTML without setting a cookie, with
 * no flash message in it, without opening a session for a guest, and with the placeholder in every CSRF field.
 * Stock shown can therefore be up to the time to live old; adding to the cart and checkout always read it. Any
 * change the owner makes ({@code POST /admin/...}) empties it, so the owner's edits show at once (only a page
 * rendered during the change itself can still be kept with the old state, for the time to live).
 * <p>
 * Runs after Spring Security's filters, so a page from here gets the same security headers and CSRF token.
 */
@Component
class KeptPages extends OncePerRequestFilter {

    private static final Set<String> PAGES = Set.of("/", "/products");
    /** Kept for guests only: a distributor's product page has their own share link. */
    private static final Pattern PRODUCT_PAGE = Pattern.compile("/products/\\d{1,18}");

    /** Where Spring MVC's session flash map manager keeps messages for the next request. */
    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    private static final String CSRF_FIELD = "name=\"" + SecurityConfiguration.CSRF_PARAMETER + "\"";

    private static final long MAX_BYTES = 8L * 1024 * 1024;

    /** What a visitor's request puts into a hole of a kept page. */
    private enum Hole { BANNER, CSRF_TOKEN, CART_COUNT }

    /**
     * A page without a banner, CSRF tokens or cart count; {@code holeAt[i]} is the byte index where {@code holes[i]}
     * goes, in order. {@code tokensHeld}: every CSRF field of the rendered page held the placeholder.
     */
    private record Page(byte[] body, String contentType, Locale locale, int[] holeAt, Hole[] holes,
                        boolean tokensHeld) {
    }

    private final @Nullable Cache<String, Page> pages;

    /** A banner's HTML by language and cookie value ("" for none). */
    private final @Nullable Cache<String, String> banners;

    private final @Nullable GuestBanner banner;

    private final @Nullable CartBadge cartBadge;

    private final String sessionCookie;

    /** Stands for the CSRF token in a page to keep; random, so no content can contain it by chance. */
    private final String csrfPlaceholder = "csrf-placeholder-" + UUID.randomUUID();

    KeptPages(@Value("${micromall.kept-pages.ttl:PT5S}") Duration ttl,
              @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
              ObjectProvider<GuestBanner> banner, ObjectProvider<CartBadge> cartBadge) {
        this.pages = ttl.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(MAX_BYTES)
                .<String, Page>weigher((key, page) -> key.length() + page.body().length)
                .build();
        this.banners = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        this.banner = banner.getIfAvailable();
        this.cartBadge = cartBadge.getIfAvailable();
        this.sessionCookie = sessionCookie;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return pages == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean kept = PAGES.contains(path) || PRODUCT_PAGE.matcher(path).matches();
        Visitor visitor = HttpMethod.GET.matches(request.getMethod()) && kept ? visitor(request, path) : null;
        if (visitor == null) {
            chain.doFilter(request, response);
            if (!HttpMethod.GET.matches(request.getMethod()) && path.startsWith("/admin/")) {
                pages.invalidateAll();
                banners.invalidateAll();
            }
            return;
        }
        Page page = pages.getIfPresent(visitor.key());
        if (page == null) {
            ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
            chain.doFilter(withoutBannerAndToken(request), rendered);
            if (rendered.getContentType() == null || !rendered.getContentType().startsWith("text/html")) {
                rendered.copyBodyToResponse();
                return;
            }
            page = page(rendered.getContentAsByteArray(), rendered.getContentType(), rendered.getLocale());
            if (rendered.getStatus() == HttpServletResponse.SC_OK && page.tokensHeld()
                    && !rendered.containsHeader(HttpHeaders.SET_COOKIE)
                    // a message may have come in since visitor() looked, from the customer's other tab
                    && request.getAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE) == null
                    && (visitor.signedIn() || request.getSession(false) == null)) {
                pages.put(visitor.key(), page);
            }
        }
        write(page, visitor, request, response);
    }

    /**
     * The page as rendered, with its holes found: after the banner's mark, where each placeholder token was, and
     * the cart count after its mark (up to the next tag).
     */
    private Page page(byte[] rendered, String contentType, Locale locale) {
        String html = new String(rendered, StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream(rendered.length);
        List<Integer> holeAt = new ArrayList<>();
        List<Hole> holes = new ArrayList<>();
        int tokens = 0;
        int from = 0;
        while (true) {
            int banner = html.indexOf(GuestBanner.MARK, from);
            int token = html.indexOf(csrfPlaceholder, from);
            int count = html.indexOf(CartBadge.MARK, from);
            int at = first(banner, token, count);
            if (at < 0) {
                break;
            }
            Hole hole = at == banner ? Hole.BANNER : at == token ? Hole.CSRF_TOKEN : Hole.CART_COUNT;
            int upTo = switch (hole) {
                case BANNER -> banner + GuestBanner.MARK.length();
                case CSRF_TOKEN -> token;
                case CART_COUNT -> count + CartBadge.MARK.length();
            };
            body.writeBytes(html.substring(from, upTo).getBytes(StandardCharsets.UTF_8));
            holeAt.add(body.size());
            holes.add(hole);
            from = switch (hole) {
                case BANNER -> upTo;
                case CSRF_TOKEN -> token + csrfPlaceholder.length();
                case CART_COUNT -> html.indexOf('<', upTo);
            };
            tokens += hole == Hole.CSRF_TOKEN ? 1 : 0;
        }
        body.writeBytes(html.substring(from).getBytes(StandardCharsets.UTF_8));
        int fields = 0;
        for (int field = html.indexOf(CSRF_FIELD); field >= 0; field = html.indexOf(CSRF_FIELD, field + 1)) {
            fields++;
        }
        return new Page(body.toByteArray(), contentType, locale, holeAt.stream().mapToInt(Integer::intValue).toArray(),
                holes.toArray(Hole[]::new), tokens == fields);
    }

    /** The smallest of these indexes that is not negative, or -1. */
    private static int first(int... indexes) {
        return Arrays.stream(indexes).filter(index -> index >= 0).min().orElse(-1);
    }

    /** The page with this visitor's banner, CSRF token and cart count in its holes, all found before writing. */
    private void write(Page page, Visitor visitor, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        byte[] token = null;
        byte[] bannerHtml = null;
        byte[] count = null;
        byte[][] fills = new byte[page.holes().length][];
        int length = page.body().length;
        for (int i = 0; i < fills.length; i++) {
            fills[i] = switch (page.holes()[i]) {
                case CSRF_TOKEN -> token = token != null ? token : csrfToken(request).getBytes(StandardCharsets.UTF_8);
                case BANNER -> bannerHtml = bannerHtml != null ? bannerHtml : (visitor.banner() == null ? ""
                        : banner(visitor.banner(), page.locale())).getBytes(StandardCharsets.UTF_8);
                case CART_COUNT -> count = count != null ? count : (visitor.signedIn() && cartBadge != null
                        ? cartBadge.text(request, response) : "").getBytes(StandardCharsets.UTF_8);
            };
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

    /** This request's token from Spring Security's CSRF filter; asking for it saves a new one if there is none. */
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
     * The request without the banner cookie and with the placeholder for the CSRF token: the page to keep has
     * neither a banner nor anybody's token in it.
     */
    private HttpServletRequest withoutBannerAndToken(HttpServletRequest request) {
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
     * Whose page it is: the address and language, the roles of a signed-in customer (not how they signed in, such
     * as a form login's password factor), and a guest's banner cookie value if they have one. The CSRF cookie (set
     * by any page with a form) does not change a kept page, whose token is put in per request.
     */
    private record Visitor(String key, boolean signedIn, @Nullable String banner) {
    }

    /** The visitor, or null when the request carries anything else that shapes the page. */
    private @Nullable Visitor visitor(HttpServletRequest request, String path) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        Authentication signedIn = request.getUserPrincipal() instanceof Authentication authentication
                && authentication.isAuthenticated() ? authentication : null;
        if (signedIn != null && (!PAGES.contains(path) || flashWaiting(request))) {
            return null;
        }
        String language = "";
        String bannerValue = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                String name = cookie.getName();
                if (LanguageConfiguration.COOKIE.equals(name)) {
                    language = cookie.getValue();
                } else if (signedIn == null && banner != null && banner.cookie().equals(name)) {
                    bannerValue = cookie.getValue();
                } else if (!SecurityConfiguration.CSRF_COOKIE.equals(name)
                        && !(signedIn != null && sessionCookie.equals(name))) {
                    return null;
                }
            }
        }
        String roles = signedIn == null ? "" : signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).sorted()
                .collect(Collectors.joining(",", "signed in as ", " "));
        String query = request.getQueryString();
        return new Visitor(language + ' ' + roles + path + (query == null ? "" : '?' + query), signedIn != null,
                bannerValue);
    }

    /** A message (e.g. "Saved.") waits for the next page: that page is rendered, to show it. */
    private static boolean flashWaiting(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(FLASH_MAPS) != null;
    }
}

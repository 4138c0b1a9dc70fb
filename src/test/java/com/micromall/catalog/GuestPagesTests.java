package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.shared.web.GuestBanner;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.springframework.mock.web.MockHttpServletResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The home, category and product pages a guest sees are kept for a while (KeptPages): rendered
 * once, then the same bytes without a query, with each guest's own CSRF token and an invited guest's
 * own banner put in, and never for anyone else whose page would differ. The rest of the suite runs with the cache off, since its
 * fixtures change the shop behind the pages' back.
 */
@MicromallTest
@TestPropertySource(properties = "micromall.kept-pages.ttl=PT10M")
class GuestPagesTests {

    static final String CSRF_COOKIE = "XSRF-TOKEN";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired QueryCounter queries;
    @Autowired DistributorEnrolment enrolment;
    @Autowired PasswordEncoder encoder;

    CatalogFixtures catalog;
    String slug;
    long categoryId;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(jdbc);
        CatalogFixtures.CategoryRow category = catalog.category("Kept");
        catalog.product("First " + CatalogFixtures.token(), category.id(), "4.00", 10);
        slug = category.slug();
        categoryId = category.id();
    }

    @Test
    void aGuestsSecondViewIsTheSamePageWithoutAQueryAndWithTheSecurityHeaders() throws Exception {
        String first = html(get("/products?category=" + slug));

        MvcResult[] second = new MvcResult[1];
        List<String> statements = queries.record(() -> second[0] = mvc.perform(get("/products?category=" + slug))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Language", "en"))
                .andReturn());

        assertThat(statements).as("statements for a kept page").isEmpty();
        assertThat(second[0].getResponse().getContentAsString()).isEqualTo(first);
        assertThat(second[0].getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
    }

    @Test
    void aGuestSeesAProductAddedBehindThePagesBackOnlyOnceTheOwnerChangesSomething() throws Exception {
        html(get("/products?category=" + slug));
        String added = "Added " + CatalogFixtures.token();
        long product = catalog.product(added, categoryId, "6.00", 10);

        assertThat(html(get("/products?category=" + slug))).as("kept page").doesNotContain(added);

        mvc.perform(post("/admin/products/" + product + "/archive").with(user("owner@shop.example").roles("OWNER"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        catalog.product("Visible " + added, categoryId, "6.00", 10);

        assertThat(html(get("/products?category=" + slug))).as("page after the owner's change")
                .contains("Visible " + added).doesNotContain(">" + added + "<");
    }

    @Test
    void visitorsWhosePageDiffersAreAlwaysRendered() throws Exception {
        html(get("/products?category=" + slug));
        String added = "Later " + CatalogFixtures.token();
        catalog.product(added, categoryId, "6.00", 10);

        assertThat(html(get("/products?category=" + slug).cookie(new Cookie("SESSION", "some-session"))))
                .as("with a session cookie").contains(added);
        assertThat(html(get("/products?category=" + slug).cookie(new Cookie("micromall_cart", "a-guest-cart-token-1"))))
                .as("with a cart").contains(added);
        assertThat(html(get("/products?category=" + slug))).as("guest, still the kept page").doesNotContain(added);
    }

    @Test
    void anInvitedGuestGetsTheKeptPageWithTheirOwnBannerExactlyAsTheLayoutRendersIt() throws Exception {
        Cookie invited = new Cookie(ReferralAttribution.COOKIE, enrolment.codeFor(
                new OrderFixtures(jdbc, encoder).customer("Anna Keptpage").id()).orElseThrow().code());
        String guestPage = html(get("/products?category=" + slug));
        String added = "Behind " + CatalogFixtures.token();
        long product = catalog.product(added, categoryId, "6.00", 10);

        String invitedPage = html(get("/products?category=" + slug).cookie(invited));
        String banner = bannerOf(invitedPage);
        assertThat(banner).contains("Anna invited you").doesNotContain("Keptpage");
        assertThat(invitedPage.replace(banner, "")).as("the kept page around the banner").isEqualTo(guestPage);
        assertThat(queries.record(() -> assertThat(html(get("/products?category=" + slug).cookie(invited)))
                .isEqualTo(invitedPage))).as("statements for the second view, banner kept too").isEmpty();

        assertThat(bannerOf(html(get("/cart").cookie(invited))))
                .as("the banner the layout renders on a page that is never kept").isEqualTo(banner);
        assertThat(html(get("/products?category=" + slug).cookie(new Cookie(ReferralAttribution.COOKIE, "NOSUCHCODE"))))
                .as("an unknown code: the guest's page").isEqualTo(guestPage);
    }

    @Test
    void anInvitedGuestsPageIsKeptWithoutTheirBannerForEveryone() throws Exception {
        Cookie invited = new Cookie(ReferralAttribution.COOKIE, enrolment.codeFor(
                new OrderFixtures(jdbc, encoder).customer("Ben Firstvisit").id()).orElseThrow().code());
        String home = "/?visit=" + CatalogFixtures.token();
        String invitedPage = html(get(home).cookie(invited));
        String banner = bannerOf(invitedPage);
        assertThat(banner).contains("Ben invited you");

        String[] guestPage = new String[1];
        assertThat(queries.record(() -> guestPage[0] = html(get(home))))
                .as("statements for the kept home page").isEmpty();
        assertThat(guestPage[0]).doesNotContain("invited you").isEqualTo(invitedPage.replace(banner, ""));
    }

    @Test
    void aGuestsProductPageIsKeptAndEachGuestGetsTheirOwnWorkingCsrfToken() throws Exception {
        long product = catalog.product("Kept Tea " + CatalogFixtures.token(), categoryId, "4.50", 10);
        String path = "/products/" + product;
        MockHttpServletResponse first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        Cookie firstCookie = first.getCookie(CSRF_COOKIE);
        assertThat(firstCookie).as("a new guest's token cookie").isNotNull();
        jdbc.sql("UPDATE product SET name = 'Renamed behind the page' WHERE id = :id").param("id", product).update();

        MvcResult[] second = new MvcResult[1];
        assertThat(queries.record(() -> second[0] = mvc.perform(get(path)).andExpect(status().isOk()).andReturn()))
                .as("statements for a kept product page").isEmpty();
        MockHttpServletResponse kept = second[0].getResponse();
        Cookie keptCookie = kept.getCookie(CSRF_COOKIE);
        assertThat(keptCookie).as("the second guest's own new token cookie").isNotNull();
        assertThat(keptCookie.getValue()).isNotEqualTo(firstCookie.getValue());
        String firstToken = formToken(first.getContentAsString());
        String keptToken = formToken(kept.getContentAsString());
        assertThat(kept.getContentAsString()).doesNotContain("Renamed").doesNotContain("placeholder")
                .isEqualTo(first.getContentAsString().replace(firstToken, keptToken));

        assertThat(addToCart(product, keptCookie, firstToken).getStatus()).as("another guest's token").isEqualTo(403);
        assertThat(addToCart(product, keptCookie, keptToken).getRedirectedUrl()).isEqualTo(path);

        MockHttpServletResponse again = mvc.perform(get(path).cookie(keptCookie)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(again.getCookie(CSRF_COOKIE)).as("a guest with a token keeps it").isNull();
        assertThat(again.getContentAsString()).doesNotContain("Renamed");
        assertThat(addToCart(product, keptCookie, formToken(again.getContentAsString())).getRedirectedUrl())
                .isEqualTo(path);
    }

    private MockHttpServletResponse addToCart(long product, Cookie csrfCookie, String token) throws Exception {
        return mvc.perform(post("/cart/add").cookie(csrfCookie).param("_csrf", token)
                .param("productId", Long.toString(product)).param("quantity", "1").param("returnTo", "product"))
                .andReturn().getResponse();
    }

    private static String formToken(String page) {
        String token = Jsoup.parse(page).select("form[action$=/cart/add] input[name=_csrf]").val();
        assertThat(token).as("the add-to-cart form's token").isNotBlank();
        return token;
    }

    /** The banner as the page has it, right after the layout's mark. */
    private static String bannerOf(String page) {
        Matcher banner = Pattern.compile("(?s)" + Pattern.quote(GuestBanner.MARK)
                + "(<div class=\"container mt-3\">.*?</div>\\s*</div>)").matcher(page);
        assertThat(banner.find()).as("a banner after the mark").isTrue();
        return banner.group(1);
    }

    @Test
    void aGuestWithACsrfCookieIsServedTheKeptPageAndFillsItWithoutTheirToken() throws Exception {
        long product = catalog.product("Token Tea " + CatalogFixtures.token(), categoryId, "4.50", 10);
        Cookie token = mvc.perform(get("/products/" + product + "?first")).andReturn().getResponse()
                .getCookie(CSRF_COOKIE);
        String theirs = html(get("/products/" + product).cookie(token));
        assertThat(formToken(theirs)).as("their own working token").isNotBlank();
        assertThat(addToCart(product, token, formToken(theirs)).getRedirectedUrl()).isEqualTo("/products/" + product);

        MockHttpServletResponse[] kept = new MockHttpServletResponse[1];
        assertThat(queries.record(() -> kept[0] = mvc.perform(get("/products/" + product)).andReturn().getResponse()))
                .as("the next guest gets the page kept from theirs").isEmpty();
        MockHttpServletResponse next = kept[0];
        assertThat(addToCart(product, next.getCookie(CSRF_COOKIE), formToken(theirs)).getStatus())
                .as("their token is not in the next guest's page").isEqualTo(403);
        assertThat(next.getContentAsString()).isEqualTo(theirs.replace(formToken(theirs),
                formToken(next.getContentAsString())));
    }

    @Test
    void eachLanguageHasItsOwnPageAndSwitchingLanguageIsNeverServedFromTheCache() throws Exception {
        String english = html(get("/products?category=" + slug));
        String chinese = html(get("/products?category=" + slug).cookie(new Cookie("micromall_lang", "zh-CN")));

        assertThat(chinese).isNotEqualTo(english).contains("lang=\"zh-CN\"");
        assertThat(html(get("/products?category=" + slug).cookie(new Cookie("micromall_lang", "zh-CN"))))
                .isEqualTo(chinese);

        MvcResult switched = mvc.perform(get("/products?category=" + slug + "&lang=fil")).andExpect(status().isOk())
                .andExpect(header().exists("Set-Cookie")).andReturn();
        assertThat(switched.getResponse().getContentAsString()).contains("lang=\"fil\"");
        assertThat(queries.record(() -> mvc.perform(get("/products?category=" + slug + "&lang=fil"))
                .andExpect(header().exists("Set-Cookie")))).as("a page that sets a cookie is not kept").isNotEmpty();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

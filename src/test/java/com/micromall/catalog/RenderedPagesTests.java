package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every visitor's page is rendered for them: nothing one customer or guest was shown (a product's name as it was,
 * a cart count, a CSRF token, a banner, a message) is handed to the next.
 */
@MicromallTest
class RenderedPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;

    CatalogFixtures catalog;
    OrderFixtures orders;
    String list;
    long productId;
    long categoryId;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(jdbc);
        orders = new OrderFixtures(jdbc, encoder);
        CatalogFixtures.CategoryRow category = catalog.category("Rendered");
        categoryId = category.id();
        productId = catalog.product("Rendered Tea " + CatalogFixtures.token(), categoryId, "4.00", 10);
        list = "/products?category=" + category.slug();
    }

    @Test
    void twoSignedInCustomersOnTheSamePageEachSeeTheShopAsItIsWithTheirOwnCartAndToken() throws Exception {
        TestCustomer anna = orders.customer("Anna Firstviewer");
        TestCustomer ben = orders.customer("Ben Secondviewer");
        Cookie annaSession = logIn(anna);
        Cookie benSession = logIn(ben);
        addToCart(annaSession, 2);

        Document annas = Jsoup.parse(html(get(list).cookie(annaSession)));
        assertThat(annas.select(".mm-cart-link .badge").text()).isEqualTo("2");
        String renamed = "Renamed " + CatalogFixtures.token();
        jdbc.sql("UPDATE product SET name = :name WHERE id = :id").param("name", renamed).param("id", productId).update();

        String bens = html(get(list).cookie(benSession));

        assertThat(bens).as("Ben's page, rendered for him").contains(renamed).doesNotContain("Anna")
                .doesNotContain(anna.email());
        Document page = Jsoup.parse(bens);
        assertThat(page.select(".mm-cart-link .badge").text()).as("Ben's empty cart").isEmpty();
        assertThat(logoutToken(page)).as("Ben's own token").isNotEqualTo(logoutToken(annas));
        mvc.perform(post("/logout").cookie(benSession).param("_csrf", logoutToken(page)))
                .andExpect(status().is3xxRedirection());
        assertThat(Jsoup.parse(html(get(list).cookie(annaSession))).select("form[action$=/logout]"))
                .as("Anna still signed in").hasSize(1);
    }

    @Test
    void twoGuestsOnTheSameProductPageEachSeeTheShopAsItIsWithTheirOwnToken() throws Exception {
        String path = "/products/" + productId;
        String first = html(get(path));
        String renamed = "Renamed " + CatalogFixtures.token();
        jdbc.sql("UPDATE product SET name = :name WHERE id = :id").param("name", renamed).param("id", productId).update();

        String second = html(get(path));

        assertThat(Jsoup.parse(second).select("h1").text()).as("the second guest's page").isEqualTo(renamed);
        assertThat(formToken(second)).as("the second guest's own token").isNotEqualTo(formToken(first));
    }

    @Test
    void anInvitedGuestSeesTheirBannerAndNobodyElseDoes() throws Exception {
        Cookie invited = new Cookie(ReferralAttribution.COOKIE, enrolment.codeFor(
                orders.customer("Cleo Inviter").id()).orElseThrow().code());

        assertThat(Jsoup.parse(html(get(list).cookie(invited))).select("#invitation-banner").text())
                .contains("Cleo invited you").doesNotContain("Inviter");
        assertThat(html(get(list))).as("a guest without the cookie").doesNotContain("invited you");
        assertThat(html(get(list).cookie(new Cookie(ReferralAttribution.COOKIE, "NOSUCHCODE"))))
                .as("an unknown code").doesNotContain("invited you");
    }

    @Test
    void aSharersProductPageHasTheirOwnLinkAndNobodyElsesDoes() throws Exception {
        TestCustomer sharer = orders.customer("Hana Sharer");
        String code = enrolment.codeFor(sharer.id()).orElseThrow().code();
        String product = "/products/" + productId;
        String link = "/r/" + code + "?next=" + product;

        assertThat(html(get(product).cookie(logIn(sharer)))).as("the sharer's own product link").contains(link);
        assertThat(html(get(product).cookie(logIn(orders.customer("Ivan Other"))))).as("nobody else's")
                .doesNotContain(link);
        assertThat(html(get(product))).as("a guest's").doesNotContain(link);
    }

    @Test
    void aNewCustomersInboxNoteIsShownToThemOnceAndToNobodyElse() throws Exception {
        Cookie visitor = mvc.perform(get("/register")).andReturn().getResponse().getCookie("SESSION");
        String email = CustomerMother.uniqueEmail("fay");
        MockHttpServletResponse registered = mvc.perform(post("/register").with(csrf()).cookie(visitor)
                        .param("name", "Fay Newcomer").param("email", email)
                        .param("password", CustomerMother.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        Cookie fay = registered.getCookie("SESSION") != null ? registered.getCookie("SESSION") : visitor;

        assertThat(html(get("/register/check-inbox").cookie(fay))).contains(email);
        assertThat(html(get("/register/check-inbox").cookie(fay))).as("shown once").doesNotContain(email);
        assertThat(html(get("/").cookie(logIn(orders.customer("Gus After"))))).doesNotContain("fay");
    }

    private Cookie logIn(TestCustomer customer) throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf()).param("email", customer.email())
                        .param("password", customer.password()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).as("a session for " + customer.name()).isNotNull();
        return session;
    }

    /** Adds and follows to the cart, as a browser does, which shows the "added" message waiting there. */
    private void addToCart(Cookie session, int quantity) throws Exception {
        mvc.perform(post("/cart/add").with(csrf()).cookie(session).param("productId", Long.toString(productId))
                .param("quantity", Integer.toString(quantity))).andExpect(status().is3xxRedirection());
        html(get("/cart").cookie(session));
    }

    private static String formToken(String page) {
        String token = Jsoup.parse(page).select("form[action$=/cart/add] input[name=_csrf]").val();
        assertThat(token).as("the add-to-cart form's token").isNotBlank();
        return token;
    }

    private static String logoutToken(Document page) {
        String token = page.select("form[action$=/logout] input[name=_csrf]").val();
        assertThat(token).as("the log-out form's token").isNotBlank();
        return token;
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

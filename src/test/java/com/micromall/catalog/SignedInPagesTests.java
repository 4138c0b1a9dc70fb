package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Signed-in customers get the home and category pages kept too (KeptPages), apart from guests' and by roles: one
 * customer's rendered page is served to the next with that customer's own cart count and CSRF token put in, and
 * nothing of the first customer's. A customer whose page would differ (a welcome message waiting, a referral
 * cookie, a distributor's product page) gets it rendered.
 */
@MicromallTest
@TestPropertySource(properties = "micromall.kept-pages.ttl=PT10M")
class SignedInPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired QueryCounter queries;
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
        CatalogFixtures.CategoryRow category = catalog.category("Signed");
        categoryId = category.id();
        productId = catalog.product("Signed Tea " + CatalogFixtures.token(), categoryId, "4.00", 10);
        list = "/products?category=" + category.slug();
    }

    @Test
    void theNextCustomerGetsTheKeptPageWithTheirOwnCartCountAndToken() throws Exception {
        TestCustomer anna = orders.customer("Anna Firstviewer");
        TestCustomer ben = orders.customer("Ben Secondviewer");
        Cookie annaSession = logIn(anna);
        Cookie benSession = logIn(ben);
        addToCart(annaSession, 2);

        MockHttpServletResponse first = mvc.perform(get(list).cookie(annaSession)).andExpect(status().isOk())
                .andReturn().getResponse();
        Document annas = Jsoup.parse(first.getContentAsString());
        assertThat(annas.select(".mm-cart-link .badge").text()).isEqualTo("2");
        assertThat(annas.select("form[action$=/logout]")).hasSize(1);
        jdbc.sql("UPDATE product SET name = 'Renamed behind the page' WHERE id = :id").param("id", productId).update();

        MockHttpServletResponse[] second = new MockHttpServletResponse[1];
        List<String> statements = queries.record(() -> second[0] = mvc.perform(get(list).cookie(benSession))
                .andExpect(status().isOk()).andReturn().getResponse());

        String bens = second[0].getContentAsString();
        assertThat(bens).as("kept page").doesNotContain("Renamed").doesNotContain("csrf-placeholder")
                .doesNotContain("Anna").doesNotContain(anna.email());
        assertThat(statements).as("statements: the session and Ben's cart count, not the catalogue")
                .noneMatch(sql -> sql.toLowerCase().contains("product")).anyMatch(sql -> sql.contains("cart"));
        Document page = Jsoup.parse(bens);
        assertThat(page.select(".mm-cart-link .badge").text()).as("Ben's empty cart").isEmpty();
        String annasToken = logoutToken(annas);
        String bensToken = logoutToken(page);
        assertThat(bens).isEqualTo(first.getContentAsString()
                .replace(annasToken, bensToken).replace("<!--cart-count-->2<", "<!--cart-count--><"));

        assertThat(bensToken).as("Ben's own token (logging out with it: SignedInPagesBrowserTests)")
                .isNotEqualTo(annasToken);
        addToCart(benSession, 3);
        assertThat(Jsoup.parse(html(get(list).cookie(benSession))).select(".mm-cart-link .badge").text())
                .as("Ben's count, at once").isEqualTo("3");
    }

    @Test
    void guestsCustomersAndTheOwnerEachHaveTheirOwnKeptPage() throws Exception {
        Document guest = Jsoup.parse(html(get(list)));
        Document customer = Jsoup.parse(html(get(list).cookie(logIn(orders.customer("Cleo Customer")))));
        Document owner = Jsoup.parse(html(get(list).with(user("owner@shop.example").roles("OWNER"))));

        assertThat(guest.select("a[href=/login]")).isNotEmpty();
        assertThat(guest.select("form[action$=/logout]")).isEmpty();
        assertThat(customer.select("a[href=/distribution]")).isNotEmpty();
        assertThat(customer.select("a[href=/admin]")).isEmpty();
        assertThat(owner.select("a[href=/admin]")).isNotEmpty();

        assertThat(Jsoup.parse(html(get(list))).select("form[action$=/logout]")).as("a guest again").isEmpty();
        assertThat(Jsoup.parse(html(get(list).cookie(logIn(orders.customer("Dan Customer")))))
                .select("a[href=/admin]")).as("the next customer").isEmpty();
    }

    @Test
    void aNewCustomersInboxNoteIsRenderedForThemAndNeverKeptForOthers() throws Exception {
        html(get("/").cookie(logIn(orders.customer("Eve Before"))));
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

    @Test
    void aSignedInCustomerWithAReferralCookieOrOnAProductPageIsRendered() throws Exception {
        TestCustomer sharer = orders.customer("Hana Sharer");
        String code = enrolment.codeFor(sharer.id()).orElseThrow().code();
        Cookie session = logIn(orders.customer("Ivan Invited"));
        html(get(list).cookie(session));
        String added = "Later " + CatalogFixtures.token();
        catalog.product(added, categoryId, "6.00", 10);

        assertThat(html(get(list).cookie(session))).as("kept").doesNotContain(added);
        assertThat(html(get(list).cookie(session).cookie(new Cookie(ReferralAttribution.COOKIE, code))))
                .as("with a referral cookie").contains(added);

        Cookie sharers = logIn(sharer);
        String product = "/products/" + productId;
        String link = "/r/" + code + "?next=" + product;
        assertThat(html(get(product).cookie(sharers))).as("the sharer's own product link").contains(link);
        assertThat(html(get(product).cookie(session))).as("nobody else's").doesNotContain(link);
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

    private static String logoutToken(Document page) {
        String token = page.select("form[action$=/logout] input[name=_csrf]").val();
        assertThat(token).as("the log-out form's token").isNotBlank();
        return token;
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.support.MicromallTest;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The owner's gift page and the customer's gift form: roles, CSRF, bad input, double submits, privacy. */
@MicromallTest
class PointsGiftPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PointsBook book;
    @Autowired CartService carts;
    @Autowired PointsGifts gifts;
    @Autowired PointsSettingsService settings;

    @AutoClose PointsFixtures points;
    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        points = new PointsFixtures(jdbc, encoder, book, settings, carts).on("1", 50, "0.01", "50", 12);
        orders = points.orders;
    }

    private MockHttpServletRequestBuilder giftPost(TestCustomer buyer, long product, long points, String token) {
        return giftPost(buyer, product, points, token, "Gift Taker", "Suzhou");
    }

    private MockHttpServletRequestBuilder giftPost(TestCustomer buyer, long product, long points, String token,
                                                   String recipient, String city) {
        return post("/account/points/gifts/" + product).with(user(buyer.principal())).locale(Locale.ENGLISH)
                .param("checkoutToken", token).param("points", Long.toString(points))
                .param("paymentMethod", "BANK_TRANSFER").param("recipient", recipient).param("phone", "555")
                .param("line1", "1 Gift Road").param("city", city).param("postalCode", "215000")
                .param("country", "China");
    }

    @Test
    void onlyTheOwnerOpensOrChangesTheGiftPage() throws Exception {
        TestCustomer customer = orders.customer(OrderFixtures.unique("Gift Nosy"));
        long product = orders.product(OrderFixtures.unique("Gift Kettle"), "30.00", 4);

        mvc.perform(get("/admin/loyalty/points/gifts").with(user(customer.principal()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/points/gifts/" + product).with(user(customer.principal())).with(csrf())
                .param("points", "10").param("offered", "true")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/points/gifts/" + product).with(user(orders.owner()))
                .param("points", "10").param("offered", "true")).andExpect(status().isForbidden());
        assertThat(gifts.priceOf(product)).isEmpty();

        Document page = Jsoup.parse(mvc.perform(get("/admin/loyalty/points/gifts").with(user(orders.owner()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#gift-" + product)).hasSize(1);
        mvc.perform(post("/admin/loyalty/points/gifts/" + product).with(user(orders.owner())).with(csrf())
                        .param("points", "250").param("offered", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(gifts.priceOf(product)).contains(250L);
    }

    @Test
    void aBadPriceComesBackAsTypedWithAMessageAndChangesNothing() throws Exception {
        long product = orders.product(OrderFixtures.unique("Gift Pot"), "12.00", 4);
        gifts.set(product, 100, true, "test");

        String html = mvc.perform(post("/admin/loyalty/points/gifts/" + product).with(user(orders.owner())).with(csrf())
                        .locale(Locale.ENGLISH).param("points", "0.5").param("offered", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("#points-" + product).val()).isEqualTo("0.5");
        assertThat(page.select("#gift-" + product).text()).contains("Enter a whole number of points, 1 or more.");
        assertThat(gifts.priceOf(product)).contains(100L);
    }

    @Test
    void thePointsPageListsGiftsWithWhatStandsInTheWay() throws Exception {
        TestCustomer buyer = points.customerWith("Gift Browser", 300);
        long cheap = orders.product(OrderFixtures.unique("Gift Cheap"), "5.00", 4);
        long dear = orders.product(OrderFixtures.unique("Gift Dear"), "50.00", 4);
        long gone = orders.product(OrderFixtures.unique("Gift Gone"), "5.00", 0);
        gifts.set(cheap, 200, true, "test");
        gifts.set(dear, 1000, true, "test");
        gifts.set(gone, 100, true, "test");

        Document page = Jsoup.parse(mvc.perform(get("/account/points").with(user(buyer.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#gift-" + cheap + " a[href=/account/points/gifts/" + cheap + "]")).hasSize(1);
        assertThat(page.select("#gift-" + dear).text()).contains("1,000 points").contains("You need 700 more points");
        assertThat(page.select("#gift-" + dear + " a")).isEmpty();
        assertThat(page.select("#gift-" + gone).text()).contains("Out of stock");
    }

    @Test
    void aBadAddressShowsTheFormAgainWithTheInputAndPlacesNothing() throws Exception {
        TestCustomer buyer = points.customerWith("Gift Typo", 500);
        long product = orders.product(OrderFixtures.unique("Gift Lamp"), "20.00", 4);
        gifts.set(product, 400, true, "test");

        Document form = Jsoup.parse(mvc.perform(get("/account/points/gifts/" + product).with(user(buyer.principal()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.selectFirst("#gift-shipping-rule").text()).startsWith("Your points pay for the gift");
        assertThat(form.selectFirst("#gift-points-left").text()).isEqualTo("100");

        String html = mvc.perform(giftPost(buyer, product, 400, UUID.randomUUID().toString(), "Typed Name", " ")
                        .with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("input[name=recipient]").val()).isEqualTo("Typed Name");
        assertThat(page.selectFirst("input[name=line1]").val()).isEqualTo("1 Gift Road");
        assertThat(page.select("input[name=city]").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#gift-check-below").text()).startsWith("Please check the address");
        assertThat(points.ordersOf(buyer)).isZero();
        assertThat(book.availableOf(buyer.id())).isEqualTo(500);
    }

    @Test
    void withoutTheCsrfTokenNothingIsPlaced() throws Exception {
        TestCustomer buyer = points.customerWith("Gift Forged", 500);
        long product = orders.product(OrderFixtures.unique("Gift Vase"), "20.00", 4);
        gifts.set(product, 400, true, "test");

        mvc.perform(giftPost(buyer, product, 400, UUID.randomUUID().toString())).andExpect(status().isForbidden());
        assertThat(points.ordersOf(buyer)).isZero();
    }

    @Test
    void aDoubleClickLandsOnTheSameConfirmationWhichNoOtherCustomerCanOpen() throws Exception {
        TestCustomer buyer = orders.customer(OrderFixtures.unique("Gift Clicker"));
        TestCustomer other = orders.customer(OrderFixtures.unique("Gift Other"));
        points.givePoints(buyer, 500);
        long product = orders.product(OrderFixtures.unique("Gift Bowl"), "20.00", 4);
        gifts.set(product, 400, true, "test");
        String token = UUID.randomUUID().toString();

        String first = mvc.perform(giftPost(buyer, product, 400, token).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(giftPost(buyer, product, 400, token).with(csrf())).andExpect(redirectedUrl(first));

        assertThat(first).startsWith("/orders/").endsWith("/confirmation");
        assertThat(points.ordersOf(buyer)).isEqualTo(1);
        assertThat(book.availableOf(buyer.id())).isEqualTo(100);
        String number = first.substring("/orders/".length(), first.length() - "/confirmation".length());
        Document confirmation = Jsoup.parse(mvc.perform(get(first).with(user(buyer.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(confirmation.text()).contains("Gift paid with points (400)");
        mvc.perform(get("/orders/" + number).with(user(other.principal()))).andExpect(status().isNotFound());
        mvc.perform(get(first).with(user(other.principal()))).andExpect(status().isNotFound());
    }
}

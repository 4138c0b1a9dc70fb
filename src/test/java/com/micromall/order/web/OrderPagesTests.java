package com.micromall.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
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

@MicromallTest
class OrderPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired com.micromall.settings.ShopSettingsService settings;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    private String addToCart(CustomerPrincipal who, long product, int quantity) throws Exception {
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "" + quantity)
                .with(user(who)).with(csrf())).andExpect(status().is3xxRedirection());
        return "";
    }

    private String checkOut(TestCustomer buyer, long product) throws Exception {
        addToCart(buyer.principal(), product, 1);
        return place(buyer, checkoutToken(buyer));
    }

    private String checkoutToken(TestCustomer buyer) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/checkout").with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return page.selectFirst("input[name=checkoutToken]").val();
    }

    /** Sends the checkout form with a typed address; the order number it is sent on to. */
    private String place(TestCustomer buyer, String token) throws Exception {
        String location = mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                        .param("checkoutToken", token).param("paymentMethod", "BANK_TRANSFER")
                        .param("recipient", buyer.name()).param("phone", "555").param("line1", "1 Road")
                        .param("city", "Suzhou").param("postalCode", "215000").param("country", "China"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/orders/MM-\\d{6}-[A-Z0-9]{6}/confirmation");
        return location.split("/")[2];
    }

    @Test
    void aVisitorsCartLivesInAnHttpOnlyLaxCookieAndShowsInTheHeader() throws Exception {
        long product = fixtures.product("Visitor tea", "8.00", 5);
        MockHttpServletResponse response = mvc.perform(post("/cart/add").param("productId", "" + product)
                        .param("quantity", "2").with(csrf()))
                .andExpect(redirectedUrl("/cart")).andExpect(flash().attribute("flashSuccess", "order.cart.added"))
                .andReturn().getResponse();
        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(CurrentCart.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax");
        Cookie cookie = new Cookie(CurrentCart.COOKIE, setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));

        Document cart = Jsoup.parse(mvc.perform(get("/cart").cookie(cookie)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(cart.select(".mm-cart-lines").text()).contains(fixtures.productName(product)).contains("16.00");
        assertThat(cart.select(".mm-cart-link .badge").text()).isEqualTo("2");
    }

    @Test
    void loggingInMergesTheVisitorCartIntoTheCustomersCappedByStock() throws Exception {
        long product = fixtures.product("Merge", "4.00", 5);
        TestCustomer buyer = fixtures.customer("Merger");
        addToCart(buyer.principal(), product, 3);
        String setCookie = mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "4").with(csrf()))
                .andReturn().getResponse().getHeader("Set-Cookie");
        Cookie visitor = new Cookie(CurrentCart.COOKIE, setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));

        Document cart = Jsoup.parse(mvc.perform(get("/cart").cookie(visitor).with(user(buyer.principal())))
                .andReturn().getResponse().getContentAsString());

        assertThat(cart.select("input[name=quantity]").val()).isEqualTo("5");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cart WHERE token = :t").param("t", visitor.getValue())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anArchivedProductLeavesTheCartWithANoticeAndLowStockIsNamed() throws Exception {
        long gone = fixtures.product("Gone", "4.00", 5);
        long low = fixtures.product("Low", "4.00", 5);
        TestCustomer buyer = fixtures.customer("Notice");
        addToCart(buyer.principal(), gone, 1);
        addToCart(buyer.principal(), low, 4);
        fixtures.archive(gone);
        jdbc.sql("UPDATE product SET stock = 2 WHERE id = :id").param("id", low).update();

        Document cart = Jsoup.parse(mvc.perform(get("/cart").with(user(buyer.principal())))
                .andReturn().getResponse().getContentAsString());

        assertThat(cart.select(".alert-danger").text()).contains(fixtures.productName(gone));
        assertThat(cart.select(".mm-cart-lines").text()).contains("Only 2 left").doesNotContain(fixtures.productName(gone));
        assertThat(cart.select("#checkout-button")).isEmpty();
        mvc.perform(get("/checkout").with(user(buyer.principal()))).andExpect(redirectedUrl("/cart"));
    }

    @Test
    void checkoutSendsVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/checkout")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theCheckoutFormSentAgainShowsTheOrderItPlacedAndPlacesNoOther() throws Exception {
        long product = fixtures.product("Double click", "3.00", 5);
        TestCustomer buyer = fixtures.customer("Double");
        addToCart(buyer.principal(), product, 1);
        String token = checkoutToken(buyer);
        String number = place(buyer, token);

        assertThat(place(buyer, token)).isEqualTo(number);
        assertThat(fixtures.stock(product)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM shop_order WHERE checkout_token = ?").param(token)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invalidCheckoutInputIsShownAgainWithAMessagePerFieldAndEscaped() throws Exception {
        long product = fixtures.product("Form", "4.00", 5);
        TestCustomer buyer = fixtures.customer("Form filler");
        addToCart(buyer.principal(), product, 1);

        Document page = Jsoup.parse(mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                        .param("checkoutToken", java.util.UUID.randomUUID().toString())
                        .param("paymentMethod", "BANK_TRANSFER").param("recipient", "<script>alert(1)</script>")
                        .param("line1", "").param("city", "x".repeat(101)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("input[name=recipient]").val()).isEqualTo("<script>alert(1)</script>");
        assertThat(page.select("script:containsData(alert(1))")).isEmpty();
        assertThat(page.select("#line1.is-invalid")).hasSize(1);
        assertThat(page.select("#line1-error").text()).isEqualTo("Please fill this in.");
        assertThat(page.select("#city-error").text()).isEqualTo("At most 100 characters.");
        assertThat(page.select("#recipient.is-invalid")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", buyer.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnavailablePaymentMethodIsRefusedNextToTheField() throws Exception {
        long product = fixtures.product("Demo pay", "4.00", 5);
        TestCustomer buyer = fixtures.customer("Demo payer");
        addToCart(buyer.principal(), product, 1);

        Document page = Jsoup.parse(mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                        .param("checkoutToken", java.util.UUID.randomUUID().toString())
                        .param("paymentMethod", "DEMO_INSTANT").param("recipient", "R").param("phone", "1")
                        .param("line1", "L").param("city", "C").param("postalCode", "P").param("country", "X"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.text()).contains("Please choose a payment method.");
    }

    @Test
    void aCustomerSeesTheirOwnOrderAndAnotherCustomersOrderIsNotFound() throws Exception {
        long product = fixtures.product("Private", "6.00", 5);
        TestCustomer owner = fixtures.customer("Order owner");
        TestCustomer other = fixtures.customer("Nosy neighbour");
        String number = checkOut(owner, product);

        String confirmation = mvc.perform(get("/orders/" + number + "/confirmation").with(user(owner.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(confirmation).select("#order-number").text()).isEqualTo(number);
        assertThat(mvc.perform(get("/orders").with(user(owner.principal()))).andReturn().getResponse()
                .getContentAsString()).contains(number);

        mvc.perform(get("/orders/" + number).with(user(other.principal()))).andExpect(status().isNotFound());
        mvc.perform(get("/orders/" + number + "/confirmation").with(user(other.principal()))).andExpect(status().isNotFound());
        mvc.perform(post("/orders/" + number + "/cancel").with(user(other.principal())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/orders").with(user(other.principal()))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(number);
        mvc.perform(get("/orders/MM-000000-NOPE22").with(user(owner.principal()))).andExpect(status().isNotFound());
    }

    @Test
    void theCustomerCancelsAnUnpaidOrderAndTheStockComesBack() throws Exception {
        long product = fixtures.product("Cancel me", "6.00", 5);
        TestCustomer buyer = fixtures.customer("Canceller");
        String number = checkOut(buyer, product);
        assertThat(fixtures.stock(product)).isEqualTo(4);

        mvc.perform(post("/orders/" + number + "/cancel").with(user(buyer.principal())).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + number))
                .andExpect(flash().attribute("flashSuccess", "order.flash.cancelled"));
        // The same button clicked twice: the order stays cancelled, its stock comes back once.
        mvc.perform(post("/orders/" + number + "/cancel").with(user(buyer.principal())).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "order.flash.cancelled"));

        assertThat(fixtures.stock(product)).isEqualTo(5);
    }

    @Test
    void everyPostWithoutACsrfTokenIsRefused() throws Exception {
        TestCustomer buyer = fixtures.customer("No token");
        CustomerPrincipal owner = fixtures.owner();
        mvc.perform(post("/cart/add").param("productId", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/cart/update").param("productId", "1").param("quantity", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/cart/remove").param("productId", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/checkout").with(user(buyer.principal()))).andExpect(status().isForbidden());
        mvc.perform(post("/orders/MM-1/cancel").with(user(buyer.principal()))).andExpect(status().isForbidden());
        for (String action : new String[] {"pay", "ship", "complete", "cancel", "refund"}) {
            mvc.perform(post("/admin/orders/MM-1/" + action).with(user(owner))).andExpect(status().isForbidden());
        }
    }

    @Test
    void ownerPagesRefuseCustomers() throws Exception {
        TestCustomer buyer = fixtures.customer("Not owner");
        for (String page : new String[] {"/admin", "/admin/orders", "/admin/orders/MM-1", "/admin/customers/" + buyer.id()}) {
            mvc.perform(get(page).with(user(buyer.principal()))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/orders/MM-1/pay").with(user(buyer.principal())).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOwnerMovesAnOrderThroughItsStatesAndIllegalMovesBecomeMessages() throws Exception {
        long product = fixtures.product("Owner flow", "6.00", 5);
        TestCustomer buyer = fixtures.customer("Flow buyer");
        String number = checkOut(buyer, product);
        CustomerPrincipal owner = fixtures.owner();
        String base = "/admin/orders/" + number;

        mvc.perform(post(base + "/complete").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl(base)).andExpect(flash().attribute("flashError", "order.error.notShipped"));
        mvc.perform(post(base + "/pay").with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "order.flash.paid"));
        mvc.perform(post(base + "/ship").param("trackingNote", "SF 42").with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "order.flash.shipped"));
        mvc.perform(post(base + "/complete").with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "order.flash.completed"));

        Document customerView = Jsoup.parse(mvc.perform(get("/orders/" + number).with(user(buyer.principal())))
                .andReturn().getResponse().getContentAsString());
        assertThat(customerView.select("#order-status").text()).isEqualTo("Completed");
        assertThat(customerView.select(".mm-timeline").text()).contains("Payment received").contains("SF 42");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'order.confirmPayment' AND subject = :n")
                .param("n", number).query(Long.class).single()).isEqualTo(1);

        Document preview = Jsoup.parse(mvc.perform(post(base + "/refund").with(user(owner)).with(csrf())
                        .param("action", "preview").param("reason", "x")
                        .param("qty_" + jdbc.sql("SELECT l.id FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE o.number = :n")
                                .param("n", number).query(Long.class).single(), "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // The only unit is the whole order: goods plus the shipping fee go back.
        var expected = com.micromall.shared.Money.of("6.00", "CNY").plus(settings.current().shippingFee());
        assertThat(preview.select("#refund-preview").text()).contains(expected.amount().toPlainString());
        mvc.perform(post(base + "/refund").with(user(owner)).with(csrf()).param("action", "confirm")
                        .param("qty_1", "abc"))
                .andExpect(flash().attribute("flashError", "order.error.refundNumbers"));
    }

    @Test
    void theOwnersRefundFormSentTwiceInARowRefundsOnce() throws Exception {
        long product = fixtures.product("Refund twice", "10.00", 9);
        TestCustomer buyer = fixtures.customer("Refund buyer");
        addToCart(buyer.principal(), product, 3);
        String number = place(buyer, checkoutToken(buyer));
        CustomerPrincipal owner = fixtures.owner();
        String base = "/admin/orders/" + number;
        mvc.perform(post(base + "/pay").with(user(owner)).with(csrf()));
        long line = lineOf(number);
        String token = Jsoup.parse(mvc.perform(get(base).with(user(owner))).andReturn().getResponse()
                .getContentAsString()).selectFirst("#refund-form input[name=refundToken]").val();

        for (String expected : new String[] {"order.flash.refunded", "order.flash.alreadyRefunded"}) {
            mvc.perform(post(base + "/refund").with(user(owner)).with(csrf()).param("action", "confirm")
                            .param("refundToken", token).param("reason", "one broke").param("qty_" + line, "1"))
                    .andExpect(redirectedUrl(base)).andExpect(flash().attribute("flashSuccess", expected))
                    .andExpect(flash().attribute("flashArgs", new Object[] {"CN¥10.00"}));
        }

        assertThat(refunded(number)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'order.refund' AND subject = :n")
                .param("n", number).query(Long.class).single()).isEqualTo(1);
        // A fresh form (a new token) may refund another unit on purpose.
        String next = Jsoup.parse(mvc.perform(get(base).with(user(owner))).andReturn().getResponse()
                .getContentAsString()).selectFirst("#refund-form input[name=refundToken]").val();
        assertThat(next).isNotEqualTo(token);
        mvc.perform(post(base + "/refund").with(user(owner)).with(csrf()).param("action", "confirm")
                        .param("refundToken", next).param("reason", "another broke").param("qty_" + line, "1"))
                .andExpect(flash().attribute("flashSuccess", "order.flash.refunded"));
        assertThat(refunded(number)).isEqualTo(2);
    }

    @Test
    void theOwnersRefundFormSentFromTwoTabsAtOnceRefundsOnce() throws Exception {
        long product = fixtures.product("Refund race", "10.00", 9);
        TestCustomer buyer = fixtures.customer("Race buyer");
        addToCart(buyer.principal(), product, 3);
        String number = place(buyer, checkoutToken(buyer));
        CustomerPrincipal owner = fixtures.owner();
        String base = "/admin/orders/" + number;
        mvc.perform(post(base + "/pay").with(user(owner)).with(csrf()));
        long line = lineOf(number);
        String token = "same-form-" + number;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return mvc.perform(post(base + "/refund").with(user(owner)).with(csrf()).param("action", "confirm")
                                    .param("refundToken", token).param("reason", "broke").param("qty_" + line, "1"))
                            .andReturn().getResponse().getStatus();
                }));
            }
            for (var answer : answers) {
                assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(302);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(refunded(number)).isEqualTo(1);
    }

    @Test
    void payShipCompleteAndCancelSentTwiceMoveOnceAndSayItIsDone() throws Exception {
        long product = fixtures.product("Twice moves", "6.00", 5);
        TestCustomer buyer = fixtures.customer("Twice buyer");
        String number = checkOut(buyer, product);
        String cancelled = checkOut(buyer, product);
        CustomerPrincipal owner = fixtures.owner();
        String base = "/admin/orders/" + number;

        for (String[] move : new String[][] {{"/pay", "order.flash.paid"}, {"/ship", "order.flash.shipped"},
                {"/complete", "order.flash.completed"}}) {
            for (String expected : new String[] {move[1], "order.flash.alreadyDone"}) {
                mvc.perform(post(base + move[0]).param("trackingNote", "SF 1").with(user(owner)).with(csrf()))
                        .andExpect(redirectedUrl(base)).andExpect(flash().attribute("flashSuccess", expected));
            }
        }
        for (String expected : new String[] {"order.flash.cancelled", "order.flash.alreadyDone"}) {
            mvc.perform(post("/admin/orders/" + cancelled + "/cancel").with(user(owner)).with(csrf()))
                    .andExpect(flash().attribute("flashSuccess", expected));
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM order_status_change c JOIN shop_order o ON o.id = c.order_id "
                        + "WHERE o.number = :n").param("n", number).query(Long.class).single())
                .as("placed, paid, shipped, completed").isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject IN (:a, :b)").param("a", number)
                .param("b", cancelled).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT stock FROM product WHERE id = :p").param("p", product).query(Integer.class).single())
                .as("the cancelled order's unit came back once").isEqualTo(4);
    }

    private long lineOf(String number) {
        return jdbc.sql("SELECT l.id FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE o.number = :n")
                .param("n", number).query(Long.class).single();
    }

    private int refunded(String number) {
        return jdbc.sql("SELECT l.refunded_quantity FROM order_line l JOIN shop_order o ON o.id = l.order_id "
                + "WHERE o.number = :n").param("n", number).query(Integer.class).single();
    }

    @Test
    void aNameWithScriptIsShownEscapedOnOwnerPages() throws Exception {
        long product = fixtures.product("Escape", "6.00", 5);
        TestCustomer buyer = fixtures.customer("<script>alert('x')</script>");
        String number = checkOut(buyer, product);
        CustomerPrincipal owner = fixtures.owner();

        for (String page : new String[] {"/admin/orders?customer=" + buyer.email(), "/admin/orders/" + number,
                "/admin/customers/" + buyer.id(), "/admin"}) {
            String html = mvc.perform(get(page).with(user(owner))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
        }
    }

    @Test
    void ownerOrderListFiltersByCustomerAndStatusAndSurvivesBadParameters() throws Exception {
        long product = fixtures.product("Filter", "6.00", 5);
        TestCustomer buyer = fixtures.customer("Filter buyer");
        String number = checkOut(buyer, product);
        CustomerPrincipal owner = fixtures.owner();

        assertThat(mvc.perform(get("/admin/orders").param("customer", buyer.email().toUpperCase())
                .param("status", "PENDING_PAYMENT").with(user(owner))).andReturn().getResponse().getContentAsString())
                .contains(number);
        assertThat(mvc.perform(get("/admin/orders").param("customer", buyer.email()).param("status", "PAID")
                .with(user(owner))).andReturn().getResponse().getContentAsString()).doesNotContain(number);
        mvc.perform(get("/admin/orders").param("page", "x").param("from", "not-a-date").param("status", "BOGUS")
                .with(user(owner))).andExpect(status().isOk());
        mvc.perform(get("/admin/orders/MM-000000-NOPE22").with(user(owner))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/customers/999999999").with(user(owner))).andExpect(status().isNotFound());
    }
}

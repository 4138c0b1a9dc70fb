package com.micromall.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The owner's refund form says what was paid for the units that can still be refunded, not for the whole line. */
@MicromallTest
class PartialRefundFormTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;
    CustomerPrincipal owner;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
        owner = fixtures.owner();
    }

    private String paidOrder(long product, int quantity) throws Exception {
        TestCustomer buyer = fixtures.customer("Refund reader");
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "" + quantity)
                .with(user(buyer.principal())).with(csrf())).andExpect(status().is3xxRedirection());
        String token = Jsoup.parse(mvc.perform(get("/checkout").with(user(buyer.principal()))).andReturn().getResponse()
                .getContentAsString()).selectFirst("input[name=checkoutToken]").val();
        String number = mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                        .param("checkoutToken", token).param("paymentMethod", "BANK_TRANSFER")
                        .param("recipient", "R").param("phone", "555").param("line1", "1 Road").param("city", "Suzhou")
                        .param("postalCode", "215000").param("country", "China"))
                .andReturn().getResponse().getRedirectedUrl().split("/")[2];
        mvc.perform(post("/admin/orders/" + number + "/pay").with(user(owner)).with(csrf()));
        return number;
    }

    private Document form(String number) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/orders/" + number).locale(Locale.ENGLISH).with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void refund(String number, int units) throws Exception {
        Document page = form(number);
        String line = page.selectFirst("#refund-form input[type=number]").attr("name");
        mvc.perform(post("/admin/orders/" + number + "/refund").with(user(owner)).with(csrf()).param("action", "confirm")
                        .param("refundToken", page.selectFirst("#refund-form input[name=refundToken]").val())
                        .param("reason", "broken").param(line, "" + units))
                .andExpect(flash().attribute("flashSuccess", "order.flash.refunded"));
    }

    private static String label(Document page) {
        return page.selectFirst("#refund-form label.col-form-label").text().replace('\u00a0', ' ');
    }

    @Test
    void afterAPartialRefundTheFormSaysWhatWasPaidForTheRemainingUnits() throws Exception {
        long product = fixtures.product("Thirds", "33.33", 10);
        String number = paidOrder(product, 3);
        assertThat(label(form(number))).endsWith(": up to 3 (paid CN¥99.99)");

        // One unit returns 99.99 × 1 / 3 = 33.33; the two left were paid 66.66 together.
        refund(number, 1);
        assertThat(label(form(number))).endsWith(": up to 2 more (paid CN¥66.66 for those 2)");

        refund(number, 1);
        assertThat(label(form(number))).endsWith(": up to 1 more (paid CN¥33.33 for that one)");
    }

    @Test
    void theAmountShownForTheRestIsExactlyWhatRefundingThemAllReturns() throws Exception {
        long product = fixtures.product("Uneven", "10.00", 10);
        String number = paidOrder(product, 3);
        // A partial share is rounded down, so the last unit carries the leftover cent: paid 30.00, refund 2 → 20.00.
        jdbc.sql("UPDATE order_line SET paid_amount = 29.99 WHERE order_id = (SELECT id FROM shop_order WHERE number = :n)")
                .param("n", number).update();

        refund(number, 2);
        assertThat(label(form(number))).endsWith(": up to 1 more (paid CN¥10.00 for that one)");
        assertThat(jdbc.sql("SELECT refunded_amount FROM order_line WHERE order_id = (SELECT id FROM shop_order WHERE number = :n)")
                .param("n", number).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("19.99");
    }
}

package com.micromall.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** Order pages show when an order was placed on the shop's calendar, not the server's. */
@MicromallTest
@Transactional
class OrderDatesInShopZoneTests {

    /** 16:30 UTC on the last day of March: already 1 April, 00:30, in Shanghai. */
    private static final Instant LATE_ON_THE_31ST = Instant.parse("2026-03-31T16:30:00Z");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ShopSettingsService settings;

    @Test
    void aYuanShopShowsAnOrderPlacedLateOnTheLastUtcDayOfMarchOnTheFirstOfApril() throws Exception {
        TestCustomer buyer = new OrderFixtures(jdbc, encoder).customer("Night owl");
        String number = order(buyer.id(), LATE_ON_THE_31ST);

        assertThat(customerOrders(buyer).select("main").text()).contains("Apr 1, 2026").doesNotContain("Mar 31, 2026");
        assertThat(customerOrder(buyer, number).select("main").text()).contains("Apr 1, 2026, 12:30");
        assertThat(ownersOrder(number).select("main").text()).contains("Apr 1, 2026, 12:30");
        assertThat(page(get("/admin/orders").param("from", "2026-04-01").param("to", "2026-04-01")
                .with(user("owner@demo.micromall").roles("OWNER"))).select("main").text())
                .as("the owner's filter by day counts the shop's days").contains(number, "Apr 1, 2026, 12:30");
    }

    @Test
    void aShopOnUtcShowsTheSameOrderOnTheThirtyFirst() throws Exception {
        ShopSettings current = settings.current();
        settings.update(new ShopSettingsChange(current.shopName(), current.currency(), current.contactEmail(),
                current.contactPhone(), current.shippingFee().amount(), ZoneId.of("UTC")), "test");
        TestCustomer buyer = new OrderFixtures(jdbc, encoder).customer("Day bird");
        String number = order(buyer.id(), LATE_ON_THE_31ST);

        assertThat(customerOrders(buyer).select("main").text()).contains("Mar 31, 2026").doesNotContain("Apr 1, 2026");
        assertThat(customerOrder(buyer, number).select("main").text()).contains("Mar 31, 2026, 4:30");
    }

    private Document customerOrders(TestCustomer buyer) throws Exception {
        return page(get("/orders").with(user(buyer.principal())));
    }

    private Document customerOrder(TestCustomer buyer, String number) throws Exception {
        return page(get("/orders/" + number).with(user(buyer.principal())));
    }

    private Document ownersOrder(String number) throws Exception {
        return page(get("/admin/orders/" + number).with(user("owner@demo.micromall").roles("OWNER")));
    }

    private Document page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return Jsoup.parse(mvc.perform(request.param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private String order(long customerId, Instant placedAt) {
        String number = ("T" + java.util.UUID.randomUUID().toString().replace("-", "")).substring(0, 18);
        jdbc.sql("""
                INSERT INTO shop_order (number, checkout_token, customer_id, customer_name, customer_email, status,
                    payment_method, currency, goods_total, discount_total, shipping_fee, total, refunded_total,
                    ship_recipient, ship_phone, ship_line1, ship_city, ship_postal_code, ship_country, placed_at)
                VALUES (:n, :t, :c, 'X', 'x@example.com', 'PAID', 'BANK_TRANSFER', 'CNY', 10, 0, 0, 10, 0,
                    'R', '1', 'L', 'C', 'P', 'CN', :at)""")
                .param("n", number).param("t", number).param("c", customerId).param("at", Timestamp.from(placedAt))
                .update();
        jdbc.sql("""
                INSERT INTO order_status_change (order_id, position, kind, status, changed_at, actor)
                SELECT id, 0, 'PLACED', 'PAID', placed_at, 'x@example.com' FROM shop_order WHERE number = :n""")
                .param("n", number).update();
        return number;
    }
}

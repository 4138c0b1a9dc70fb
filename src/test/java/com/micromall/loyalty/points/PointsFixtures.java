package com.micromall.loyalty.points;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Points test set-up: the points terms switched on for a test (those found before put back on {@link #close()}, which
 * JUnit calls after each test for a field marked {@code @AutoClose}), customers with points to spend and something in
 * their cart, and the orders they placed.
 */
final class PointsFixtures implements AutoCloseable {

    final OrderFixtures orders;
    private final JdbcClient jdbc;
    private final PointsBook book;
    private final CartService carts;
    private final PointsTestSettings terms;

    PointsFixtures(JdbcClient jdbc, PasswordEncoder encoder, PointsBook book, PointsSettingsService settings,
                   CartService carts) {
        this.orders = new OrderFixtures(jdbc, encoder);
        this.jdbc = jdbc;
        this.book = book;
        this.carts = carts;
        this.terms = new PointsTestSettings(settings);
    }

    /** Points switched on with these terms until {@link #close()}. */
    PointsFixtures on(String perUnit, long referral, String value, String capPercent, int months) {
        terms.on(perUnit, referral, value, capPercent, months);
        return this;
    }

    @Override
    public void close() {
        terms.restore();
    }

    /** A new customer (the name made unique) with these points available to spend. */
    TestCustomer customerWith(String name, long points) {
        TestCustomer customer = orders.customer(OrderFixtures.unique(name));
        givePoints(customer, points);
        return customer;
    }

    /** Points earned a moment ago and already out of their return window. */
    void givePoints(TestCustomer customer, long points) {
        book.recordFrozen(customer.id(), "test:" + UUID.randomUUID(), points, Instant.now().minusSeconds(1), null);
        book.unfreezeDue(customer.id(), Instant.now());
    }

    /** One unit each of new products at these prices in the customer's cart. */
    void inCart(TestCustomer customer, String... prices) {
        for (String price : prices) {
            carts.add(CartService.CartKey.customer(customer.id()), orders.product(OrderFixtures.unique("Points item"),
                    price, 10), 1);
        }
    }

    long ordersOf(TestCustomer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", customer.id())
                .query(Long.class).single();
    }

    long orderId(String number) {
        return jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", number).query(Long.class).single();
    }
}

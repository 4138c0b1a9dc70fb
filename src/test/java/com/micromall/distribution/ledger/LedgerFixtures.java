package com.micromall.distribution.ledger;

import static org.awaitility.Awaitility.await;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Distributors, bindings and real orders (through the order module) for ledger tests; unique per call. */
public final class LedgerFixtures {

    public static final String OWNER = "owner@demo.micromall";

    public final OrderFixtures orders;
    private final JdbcClient jdbc;
    private final CartService carts;
    private final CheckoutService checkout;
    private final OrderService orderService;

    public LedgerFixtures(OrderFixtures orders, JdbcClient jdbc, CartService carts, CheckoutService checkout,
                   OrderService orderService) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.carts = carts;
        this.checkout = checkout;
        this.orderService = orderService;
    }

    public TestCustomer distributor(String name) {
        TestCustomer customer = orders.customer(name);
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'ACTIVE', :at)")
                .param("c", customer.id())
                .param("code", UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase())
                .param("at", Timestamp.from(Instant.now())).update();
        totals(customer.id());
        return customer;
    }

    public TestCustomer referredBy(TestCustomer referrer, String name) {
        TestCustomer customer = orders.customer(name);
        bind(customer, referrer);
        return customer;
    }

    public void bind(TestCustomer referee, TestCustomer referrer) {
        jdbc.sql("INSERT INTO referral_binding (referee_id, referrer_id, bound_at, source) VALUES (:e, :r, :at, 'LINK')")
                .param("e", referee.id()).param("r", referrer.id()).param("at", Timestamp.from(Instant.now())).update();
        totals(referrer.id());
    }

    /** Rows written around the app (as these fixtures do) need the distributor's account and reporting rows rebuilt. */
    public void totals(long customerId) {
        rebuild(jdbc, customerId);
    }

    /**
     * Settles the entries due at {@code at} as the job does, but without its announcements and in the caller's
     * transaction, for tests outside the ledger's package; returns how many moved.
     */
    public static int unfreezeDue(JdbcClient jdbc, java.time.Clock clock, Instant at) {
        return unfreezeDue(jdbc, new DistributorAccounts(jdbc), clock, at);
    }

    /** {@link #unfreezeDue(JdbcClient, java.time.Clock, Instant)} moving the given accounts. */
    public static int unfreezeDue(JdbcClient jdbc, DistributorAccounts accounts, java.time.Clock clock, Instant at) {
        return new UnfreezeJob(jdbc, accounts, clock).unfreezeDue(at);
    }

    /** The distributor's cached rows (account, reporting) rebuilt from rows written around the app. */
    public static void rebuild(JdbcClient jdbc, long customerId) {
        new DistributorAccounts(jdbc).recompute(customerId);
        com.micromall.distribution.reporting.ReportingFixtures.rebuild(jdbc, customerId);
    }

    public void device(TestCustomer customer, String hash) {
        jdbc.sql("INSERT INTO customer_device (customer_id, device_hash) VALUES (:c, :h)")
                .param("c", customer.id()).param("h", hash).update();
    }

    /** Places an order for the buyer (shipped to line1/postal) and waits until its snapshot is stored. */
    public String place(TestCustomer buyer, Map<Long, Integer> productQuantities, String line1, String postal) {
        productQuantities.forEach((product, q) -> carts.add(CartService.CartKey.customer(buyer.id()), product, q));
        String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", line1, null, "City", postal, "CN"), PaymentMethod.BANK_TRANSFER));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM commission_snapshot WHERE order_number = :n").param("n", number)
                .query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM report_order o JOIN shop_order s ON s.id = o.order_id WHERE s.number = :n")
                .param("n", number).query(Long.class).single() == 1);
        return number;
    }

    public String place(TestCustomer buyer, long product, int quantity) {
        return place(buyer, Map.of(product, quantity), "1 Buyer Street", "200000");
    }

    /**
     * Pays, ships and completes through the owner's actions; waits until crediting ran (the snapshot turns
     * COMPLETED in the transaction that writes the entries) and reporting counted every sharer's credit in its chart.
     */
    public void complete(String number) {
        orderService.confirmPayment(number, OWNER);
        orderService.ship(number, OWNER, "parcel");
        orderService.complete(number, OWNER);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT state FROM commission_snapshot WHERE order_number = :n").param("n", number)
                .query(String.class).single().equals("COMPLETED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM report_commission_credit r JOIN commission_snapshot s ON s.order_id = r.order_id
                        WHERE s.order_number = :n)
                     - (SELECT COUNT(*) FROM (SELECT DISTINCT e.distributor_id, e.level FROM commission_entry e
                        JOIN commission_snapshot s ON s.order_id = e.order_id
                        WHERE s.order_number = :n AND e.kind = 'COMMISSION' AND e.level > 0) credited)""")
                .param("n", number).query(Long.class).single() == 0);
    }

    /** Refunds through the owner's action; waits until the ledger recorded the refund as handled. */
    public void refund(String number, long lineId, int units) {
        long handledBefore = refundsHandled(number);
        long reportedBefore = refundsReported(number);
        orderService.refund(number, Map.of(lineId, units), "returned", OWNER);
        await().atMost(Duration.ofSeconds(10)).until(() -> refundsHandled(number) == handledBefore + 1
                && refundsReported(number) == reportedBefore + 1);
    }

    private long refundsHandled(String number) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM commission_refund_handled h JOIN commission_snapshot s ON s.order_id = h.order_id
                WHERE s.order_number = :n""").param("n", number).query(Long.class).single();
    }

    /** Refunds reporting has counted in its figures (it hears the refund on its own). */
    private long refundsReported(String number) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM report_order_refund r JOIN commission_snapshot s ON s.order_id = r.order_id
                WHERE s.order_number = :n""").param("n", number).query(Long.class).single();
    }

    public long orderId(String number) {
        return jdbc.sql("SELECT order_id FROM commission_snapshot WHERE order_number = :n").param("n", number)
                .query(Long.class).single();
    }

    public List<Long> lineIds(String number) {
        return jdbc.sql("SELECT line_id FROM commission_snapshot_line WHERE order_id = :o ORDER BY line_id")
                .param("o", orderId(number)).query(Long.class).list();
    }

    public void productCommission(long product, BigDecimal percent, BigDecimal fixed) {
        jdbc.sql("UPDATE product SET commission_percent = :p, commission_fixed_amount = :f WHERE id = :id")
                .param("p", percent, java.sql.Types.NUMERIC).param("f", fixed, java.sql.Types.NUMERIC)
                .param("id", product).update();
    }
}

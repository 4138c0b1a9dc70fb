package com.micromall.distribution.payout;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.ledger.UnfreezeJob;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Distributors with money to withdraw, for withdrawal tests (also the web and browser tests): either
 * ledger rows written straight in, or the real way (a referred order completed, then the unfreeze job
 * run as of after the return window). Unique data per call.
 */
public final class WithdrawalFixtures {

    private final JdbcClient jdbc;
    private final OrderFixtures orders;
    private final LedgerFixtures ledger;
    private final ShopSettingsService shopSettings;
    private final UnfreezeJob unfreezeJob;

    public WithdrawalFixtures(OrderFixtures orders, JdbcClient jdbc, CartService carts, CheckoutService checkout,
                              OrderService orderService, ShopSettingsService shopSettings, UnfreezeJob unfreezeJob) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
        this.shopSettings = shopSettings;
        this.unfreezeJob = unfreezeJob;
    }

    /** An ACTIVE distributor (reward form CASH) without money. */
    public TestCustomer distributor(String name) {
        return ledger.distributor(name);
    }

    /** An ACTIVE distributor with {@code amount} AVAILABLE in the ledger. */
    public TestCustomer distributorWithAvailable(String name, String amount) {
        TestCustomer distributor = ledger.distributor(name);
        entry(distributor.id(), "COMMISSION", amount);
        return distributor;
    }

    /** A ledger entry already AVAILABLE (a clawback is negative). */
    public void entry(long distributorId, String kind, String amount) {
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-TEST', :line, 1, 1, :kind, 1, '10%', :amount, :currency, 'AVAILABLE', :due, :created)""")
                .param("d", distributorId)
                .param("line", 2_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L))
                .param("kind", kind)
                .param("amount", new BigDecimal(amount))
                .param("currency", shopSettings.current().currency().getCurrencyCode())
                .param("due", Timestamp.from(now.minus(Duration.ofDays(1))))
                .param("created", Timestamp.from(now.minus(Duration.ofDays(8)))).update();
        ledger.totals(distributorId);
    }

    /**
     * The real path: a friend referred by the distributor buys {@code price} of a product, the owner
     * completes the order, and the unfreeze job runs as of after the return window.
     */
    public void earnThroughAnOrder(TestCustomer distributor, String price) {
        long product = orders.product("Withdrawal tea", price, 5);
        TestCustomer friend = ledger.referredBy(distributor, "Friend");
        String number = ledger.place(friend, product, 1);
        ledger.complete(number);
        Instant windowOver = jdbc.sql("SELECT MAX(unfreezes_at) FROM commission_entry WHERE distributor_id = :d")
                .param("d", distributor.id()).query(Timestamp.class).single().toInstant();
        unfreezeAsOf(windowOver.plusSeconds(1));
    }

    /** Runs the unfreeze job as if it were {@code instant} (for tests outside this package). */
    public void unfreezeAsOf(Instant instant) {
        unfreezeJob.unfreezeDue(instant);
    }

    public void rewardForm(long distributorId, String form) {
        jdbc.sql("UPDATE distributor SET reward_form = :f WHERE customer_id = :id").param("f", form)
                .param("id", distributorId).update();
    }

    public void status(long distributorId, String status) {
        jdbc.sql("UPDATE distributor SET status = :s WHERE customer_id = :id").param("s", status)
                .param("id", distributorId).update();
    }
}

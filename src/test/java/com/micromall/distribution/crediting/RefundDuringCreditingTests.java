package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.LedgerFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Crediting a completed order and taking back a refund of it may run at the same moment (two
 * listeners, two transactions). The interleaving that lost the refund is forced here: the refund
 * has read the snapshot as not yet completed and waits to write its refunded units (the test holds
 * the snapshot lines), while the order is credited.
 */
@MicromallTest
class RefundDuringCreditingTests {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired CommissionCrediting commissions;
    @Autowired DistributionSettingsService settings;
    @Autowired Clock clock;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        // Round prices are easier to read: no welcome gift lowers what was paid.
        settings.update(new DistributionSettings(original.enrolmentRule(), original.level1Percent(),
                original.level2Percent(), original.attributionDays(), original.returnWindowDays(),
                DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null, original.storeCreditBonusPercent(),
                original.withdrawalMinimum(), original.withdrawalFeePercent(), original.monthlyBudget(),
                original.shareTexts()), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void refundRightAfterCompletionIsTakenBackFromTheSharers() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna-rc");
        TestCustomer ben = fixtures.referredBy(anna, "Ben-rc");
        long product = fixtures.orders.product("Mug", "10.00", 50);
        String number = fixtures.place(ben, product, 12);
        orderService.confirmPayment(number, LedgerFixtures.OWNER);
        orderService.ship(number, LedgerFixtures.OWNER, "parcel");
        long orderId = fixtures.orderId(number);
        long line = fixtures.lineIds(number).get(0);
        OrderRefunded refund = new OrderRefunded(orderId, number, ben.id(), clock.instant(),
                List.of(new RefundedLine(line, product, 1, Money.of("10.00", "CNY"))), Money.of("10.00", "CNY"),
                false, "returned");
        OrderCompleted completed = new OrderCompleted(orderId, number, ben.id(), clock.instant(), List.of());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT line_id FROM commission_snapshot_line WHERE order_id = ? FOR UPDATE")) {
                lock.setLong(1, orderId);
                lock.executeQuery().close();
            }
            CompletableFuture<Void> takingBack = CompletableFuture.runAsync(() -> commissions.takeBack(refund), pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnLocks("%refunded_before_completion%") == 1);

            CompletableFuture<Void> crediting = CompletableFuture.runAsync(() -> commissions.credit(completed), pool);
            // Crediting either finishes meanwhile or waits for the refund: both are what a real race may do.
            await().atMost(Duration.ofSeconds(10)).until(() -> crediting.isDone() || waitingOnLocks("%") == 2);

            holder.rollback();
            takingBack.get(10, TimeUnit.SECONDS);
            crediting.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        // Anna's 10 % of the 11 units Ben kept; the refunded unit earns nothing (kept + taken back = 12.00).
        BigDecimal kept = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM commission_entry WHERE distributor_id = :d")
                .param("d", anna.id()).query(BigDecimal.class).single();
        assertThat(kept).isEqualByComparingTo("11.00");
        assertThat(jdbc.sql("SELECT refunded_before_completion FROM commission_snapshot_line WHERE line_id = :l")
                .param("l", line).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COALESCE(SUM(units), 0) FROM commission_entry WHERE distributor_id = :d AND kind = 'COMMISSION'")
                .param("d", anna.id()).query(Integer.class).single()).isEqualTo(11);
    }

    /** Backends of this database waiting for a row lock while running a statement like {@code query}. */
    private long waitingOnLocks(String query) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE :q""")
                .param("q", query).query(Long.class).single();
    }
}

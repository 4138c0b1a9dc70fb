package com.micromall.distribution.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a sharer's open orders are expected to earn them (the dashboard's "expected"): it rises when an order is
 * placed and falls when the order is refunded before completion, completed, cancelled or fully refunded, for the
 * level-1 and the level-2 sharer alike, without any counter to keep in step. The expected-commission migration V50
 * still does what it did on a database from before.
 */
@MicromallTest
class ExpectedCommissionTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributionSettingsService settings;
    @Autowired DataSource dataSource;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings o = original;
        // Level 1 at 10 %, level 2 at 3 %, and no welcome discount, so the figures are easy to check by hand.
        settings.update(new DistributionSettings(o.enrolmentRule(), new BigDecimal("10"), new BigDecimal("3"),
                o.attributionDays(), o.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null,
                o.storeCreditBonusPercent(), o.withdrawalMinimum(), o.withdrawalFeePercent(), o.monthlyBudget(),
                o.shareTexts()), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void expectedCommissionRisesWhenAnOrderIsPlacedAndFallsWhenItIsRefundedCompletedOrCancelled() {
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Expected Anna"));
        TestCustomer grandma = fixtures.distributor(OrderFixtures.unique("Expected Grandma"));
        fixtures.bind(anna, grandma);
        TestCustomer ben = fixtures.referredBy(anna, "Expected Ben");
        long tea = fixtures.orders.product("Expected Tea", "200.00", 100);
        expect(anna, "0", grandma, "0");

        String kept = fixtures.place(ben, tea, 3);
        expect(anna, "60.00", grandma, "18.00");

        orderService.confirmPayment(kept, LedgerFixtures.OWNER);
        fixtures.refund(kept, fixtures.lineIds(kept).get(0), 1);
        expect(anna, "40.00", grandma, "12.00");

        String cancelled = fixtures.place(ben, tea, 1);
        expect(anna, "60.00", grandma, "18.00");
        orderService.cancelByCustomer(ben.id(), cancelled);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotState(cancelled).equals("CANCELLED"));
        expect(anna, "40.00", grandma, "12.00");

        String refunded = fixtures.place(ben, tea, 2);
        expect(anna, "80.00", grandma, "24.00");
        orderService.confirmPayment(refunded, LedgerFixtures.OWNER);
        fixtures.refund(refunded, fixtures.lineIds(refunded).get(0), 2);
        assertThat(snapshotState(refunded)).isEqualTo("REFUNDED");
        expect(anna, "40.00", grandma, "12.00");

        orderService.ship(kept, LedgerFixtures.OWNER, "parcel");
        orderService.complete(kept, LedgerFixtures.OWNER);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotState(kept).equals("COMPLETED"));
        expect(anna, "0", grandma, "0");
        // Completed, the two units kept earn frozen commission instead.
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo("40.00");
        assertThat(distribution.balancesOf(grandma.id()).frozen().amount()).isEqualByComparingTo("12.00");
    }

    @Test
    void theLedgerKeepsNoCounterTablesBesideTheAccount() {
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE LOWER(table_name) IN ('distributor_totals', 'distributor_commission_hour')""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theMigrationStillCountsTheOrdersOpenBeforeItOnADatabaseFromBefore() throws Exception {
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Migrated Anna"));
        TestCustomer grandma = fixtures.distributor(OrderFixtures.unique("Migrated Grandma"));
        fixtures.bind(anna, grandma);
        long tea = fixtures.orders.product("Migrated Tea", "300.00", 100);
        TestCustomer ben = fixtures.referredBy(anna, "Migrated Ben");
        String done = fixtures.place(ben, tea, 1);
        fixtures.place(ben, tea, 2);
        fixtures.complete(done);

        // All in one transaction, rolled back at the end: the table V50 wrote to, as V49 left the schema, and the
        // orders as they were before V49 (nothing counted yet).
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcClient old = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                old.sql("""
                        CREATE TABLE distributor_totals (customer_id BIGINT NOT NULL PRIMARY KEY,
                            expected NUMERIC(19, 2) NOT NULL DEFAULT 0)""").update();
                old.sql("""
                        UPDATE commission_snapshot SET level1_expected = NULL, level2_expected = NULL
                        WHERE level1_id = :a OR level2_id = :g""").param("a", anna.id()).param("g", grandma.id()).update();

                new V50__DistributionExpectedCommission().migrate(new org.flywaydb.core.api.migration.Context() {
                    @Override
                    public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Connection getConnection() {
                        return connection;
                    }
                });

                assertThat(expectedIn(old, anna)).isEqualByComparingTo("60.00");
                assertThat(expectedIn(old, grandma)).isEqualByComparingTo("18.00");
                assertThat(old.sql("""
                        SELECT level1_expected, level2_expected FROM commission_snapshot
                        WHERE level1_id = :a AND state = 'PLACED'""").param("a", anna.id())
                        .query((rs, i) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2))).single())
                        .usingElementComparator(BigDecimal::compareTo)
                        .containsExactly(new BigDecimal("60.00"), new BigDecimal("18.00"));
            } finally {
                connection.rollback();
            }
        }
    }

    private static BigDecimal expectedIn(JdbcClient old, TestCustomer distributor) {
        return old.sql("SELECT expected FROM distributor_totals WHERE customer_id = :d").param("d", distributor.id())
                .query(BigDecimal.class).single();
    }

    /** The expected commission of both sharers, as their dashboards show it. */
    private void expect(TestCustomer level1, String level1Amount, TestCustomer level2, String level2Amount) {
        assertThat(distribution.balancesOf(level1.id()).expected().amount()).as("expected of the level-1 sharer")
                .isEqualByComparingTo(level1Amount);
        assertThat(distribution.balancesOf(level2.id()).expected().amount()).as("expected of the level-2 sharer")
                .isEqualByComparingTo(level2Amount);
    }

    private String snapshotState(String number) {
        return jdbc.sql("SELECT state FROM commission_snapshot WHERE order_number = :n").param("n", number)
                .query(String.class).single();
    }
}

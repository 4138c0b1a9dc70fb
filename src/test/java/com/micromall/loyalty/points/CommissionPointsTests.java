package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.CommissionClawedBack;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.RewardForms;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sharer who takes their commission as points: paid into the points book with the bonus when the commission's
 * return window ends, never before, and clawed back in proportion, to the point, however often an event is heard.
 */
@MicromallTest
class CommissionPointsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributorChoices choices;
    @Autowired RewardForms rewardForms;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired PointsSettingsService pointsSettings;
    @Autowired TransactionTemplate transactions;
    @Autowired CommissionPoints listener;

    LedgerFixtures fixtures;
    RewardForms.Rules originalForms;
    PointsTestSettings terms;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        originalForms = rewardForms.current();
        rewardForms.change(new RewardForms.Rules(EnumSet.allOf(RewardForm.class), new BigDecimal("30")), "test");
        terms = new PointsTestSettings(pointsSettings);
        terms.on("1", 0, "0.01", "50", 0);
    }

    @AfterEach
    void restore() {
        rewardForms.change(originalForms, "test");
        terms.restore();
    }

    /** The points the sharer holds from commission: what was paid less what was taken back. */
    private long commissionPoints(TestCustomer sharer) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(points), 0) FROM loyalty_points_entry
                        WHERE customer_id = :c AND source_key LIKE 'commission:%'""")
                .param("c", sharer.id()).query(Long.class).single();
    }

    private long commissionEntry(TestCustomer sharer, String number) {
        return jdbc.sql("""
                        SELECT id FROM commission_entry WHERE distributor_id = :d AND order_number = :n AND kind = 'COMMISSION'""")
                .param("d", sharer.id()).param("n", number).query(Long.class).single();
    }

    private BigDecimal amountOf(long entryId) {
        return jdbc.sql("SELECT amount FROM commission_entry WHERE id = :id").param("id", entryId)
                .query(BigDecimal.class).single();
    }

    private void afterTheReturnWindow(String number) {
        int days = jdbc.sql("SELECT return_window_days FROM commission_snapshot WHERE order_number = :n")
                .param("n", number).query(Integer.class).single();
        unfreezeJob.unfreezeDue(Instant.now().plus(Duration.ofDays(days + 1)));
    }

    @Test
    void aPointsCommissionIsPaidAsPointsWithTheBonusWhenItsWindowEndsAndClawedBackInProportionToThePoint() {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Points Sharer"));
        choices.chooseRewardForm(sharer.id(), RewardForm.POINTS, "test");
        TestCustomer friend = fixtures.referredBy(sharer, OrderFixtures.unique("Points Friend"));
        long product = fixtures.orders.product(OrderFixtures.unique("Points goods"), "33.33", 50);
        String number = fixtures.place(friend, product, 3);
        fixtures.complete(number);
        long entry = commissionEntry(sharer, number);
        BigDecimal commission = amountOf(entry);
        assertThat(commission).isPositive();
        long expected = commission.multiply(new BigDecimal("1.30")).divide(new BigDecimal("0.01"), 0, RoundingMode.DOWN)
                .longValueExact();

        assertThat(commissionPoints(sharer)).as("nothing while the commission is frozen").isZero();
        afterTheReturnWindow(number);
        await().atMost(Duration.ofSeconds(20)).until(() -> commissionPoints(sharer) == expected);

        long line = fixtures.lineIds(number).get(0);
        fixtures.refund(number, line, 1);
        long third = BigDecimal.valueOf(expected).divide(BigDecimal.valueOf(3), 0, RoundingMode.DOWN).longValueExact();
        await().atMost(Duration.ofSeconds(20)).until(() -> commissionPoints(sharer) == expected - third);
        fixtures.refund(number, line, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> commissionPoints(sharer) == 0);

        long clawback = jdbc.sql("""
                        SELECT MAX(id) FROM commission_entry WHERE distributor_id = :d AND order_number = :n AND kind = 'CLAWBACK'""")
                .param("d", sharer.id()).param("n", number).query(Long.class).single();
        transactions.executeWithoutResult(s -> listener.onClawedBack(new CommissionClawedBack(clawback, entry,
                sharer.id(), 0L, number, 1, Money.of(commission.toPlainString(), "CNY"), "replayed", Instant.now(),
                RewardForm.POINTS)));
        assertThat(commissionPoints(sharer)).as("a clawback heard twice takes nothing more").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_points_entry WHERE source_key = :k AND kind = 'CLAWBACK'")
                .param("k", CommissionPoints.KEY + entry).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCashSharersCommissionNeverBecomesPoints() {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Cash Sharer"));
        choices.chooseRewardForm(sharer.id(), RewardForm.CASH, "test");
        TestCustomer friend = fixtures.referredBy(sharer, OrderFixtures.unique("Cash Friend"));
        String number = fixtures.place(friend, fixtures.orders.product(OrderFixtures.unique("Cash goods"), "20.00", 9), 1);
        fixtures.complete(number);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_points_commission WHERE customer_id = :c")
                .param("c", sharer.id()).query(Long.class).single()).as("kept in the ledger's own transaction").isZero();
        afterTheReturnWindow(number);
        long entry = commissionEntry(sharer, number);
        transactions.executeWithoutResult(s -> listener.onAvailable(new com.micromall.distribution.CommissionAvailable(
                sharer.id(), Money.of(amountOf(entry).toPlainString(), "CNY"), 1, List.of(number), Instant.now(),
                RewardForm.CASH, List.of())));
        assertThat(commissionPoints(sharer)).isZero();
    }
}

package com.micromall.distribution.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.experiments.ExperimentResults.ArmResult;
import com.micromall.distribution.experiments.ExperimentResults.Reading;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The results of an experiment from known figures: counts per arm, exact money (net margin after rewards per
 * distributor, rounded down), the intervals, and a reading that says "clear" only when the interval leaves out 0.
 */
@MicromallTest
class ExperimentResultsTests {

    /** Ids far above what the other tests create, so the figures here are only this test's. */
    private static final AtomicLong IDS = new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Autowired JdbcClient jdbc;
    @Autowired Experiments experiments;
    @Autowired ExperimentResults results;
    @Autowired ExperimentListeners listeners;

    @BeforeEach
    @AfterEach
    void endRunning() {
        experiments.running().ifPresent(e -> experiments.end(e.id(), null, "test"));
    }

    private void distributors(long experimentId, long armId, int count, int signupsEach) {
        for (int i = 0; i < count; i++) {
            long id = IDS.incrementAndGet();
            jdbc.sql("""
                    INSERT INTO experiment_assignment (experiment_id, distributor_id, code, arm_id, assigned_at, signups)
                    VALUES (:e, :d, :code, :arm, :at, :s)""")
                    .param("e", experimentId).param("d", id).param("code", "T" + id).param("arm", armId)
                    .param("at", Timestamp.from(Instant.now())).param("s", signupsEach).update();
        }
    }

    /** Orders of {@code distributors} different distributors of the arm (made up ids: what counts is how many). */
    private void orders(long armId, int distributors, String goods, String commission, String discount, boolean cancelled) {
        for (int i = 0; i < distributors; i++) {
            jdbc.sql("""
                    INSERT INTO experiment_order (order_id, arm_id, distributor_id, buyer_id, placed_at, goods, commission,
                        discount, cancelled)
                    VALUES (:o, :arm, :d, :b, :at, :g, :c, :x, :cancelled)""")
                    .param("o", IDS.incrementAndGet()).param("arm", armId).param("d", IDS.incrementAndGet())
                    .param("b", IDS.incrementAndGet()).param("at", Timestamp.from(Instant.now()))
                    .param("g", new BigDecimal(goods)).param("c", new BigDecimal(commission))
                    .param("x", new BigDecimal(discount)).param("cancelled", cancelled).update();
        }
    }

    private long start() {
        return experiments.start(new Experiments.Start("Figures", Experiments.Population.NEW, new BigDecimal("40"),
                List.of(new Experiments.ArmDraft(new BigDecimal("10"), null, null, null),
                        new Experiments.ArmDraft(new BigDecimal("15"), null, null, null)),
                UUID.randomUUID().toString(), 1L), "test");
    }

    @Test
    void armsAreSummedExactlyAndAClearDifferenceIsReadAsClear() {
        long id = start();
        List<Arm> arms = experiments.find(id).orElseThrow().arms();
        long a = arms.get(0).id();
        long b = arms.get(1).id();
        // Newcombe's example as distributors: A 48 of 80 with a first order, B 56 of 70.
        distributors(id, a, 80, 1);
        distributors(id, b, 70, 2);
        orders(a, 48, "100.00", "10.00", "5.00", false);
        orders(b, 56, "100.00", "15.00", "5.00", false);
        orders(b, 3, "999.00", "99.00", "0.00", true);

        ExperimentResults.Results r = results.of(id).orElseThrow();
        ArmResult control = r.arms().get(0);
        ArmResult arm = r.arms().get(1);
        assertThat(control.distributors()).isEqualTo(80);
        assertThat(arm.distributors()).isEqualTo(70);
        assertThat(arm.signups()).isEqualTo(140);
        assertThat(arm.orderingDistributors()).isEqualTo(56);
        assertThat(arm.firstOrders()).isEqualTo(56);
        // The cancelled orders do not count.
        assertThat(arm.revenue().amount()).isEqualByComparingTo("5600.00");
        assertThat(arm.commission().amount()).isEqualByComparingTo("840.00");
        assertThat(arm.discount().amount()).isEqualByComparingTo("280.00");
        // 5600 × 40 % − 840 − 280 = 1120; / 70 = 16.00. A: 4800 × 40 % − 480 − 240 = 1200; / 80 = 15.00.
        assertThat(arm.netMargin().amount()).isEqualByComparingTo("1120.00");
        assertThat(arm.netPerDistributor().amount()).isEqualByComparingTo("16.00");
        assertThat(control.netPerDistributor().amount()).isEqualByComparingTo("15.00");
        assertThat(arm.orderingDifference()).isNotNull();
        assertThat(arm.orderingDifference().low()).isBetween(0.0524, 0.0525);
        assertThat(arm.orderingDifference().high()).isBetween(0.3338, 0.3339);
        assertThat(arm.orderingRate().value()).isEqualTo(0.8);

        // 56/70 = 0.8 first orders per distributor against 48/80 = 0.6: 33 % more.
        assertThat(r.readings()).containsExactly(
                new Reading("admin.experiments.reading.more.clear", List.of("B", "A", "33", "+5.2", "+33.4")),
                new Reading("admin.experiments.reading.margin.higher", List.of("B", "A")));
    }

    /** One order's paid amount refunded in two parts (one heard twice), another refunded in full. */
    @Test
    void refundsAfterPlacingKeepOnlyTheShareThatStayedSold() {
        long id = start();
        long a = experiments.find(id).orElseThrow().arms().get(0).id();
        distributors(id, a, 2, 1);
        long partly = IDS.get() + 1; // each order draws its id, then its distributor's and buyer's
        orders(a, 1, "110.00", "10.00", "10.00", false); // paid 100.00
        long fully = IDS.get() + 1;
        orders(a, 1, "50.00", "5.00", "0.00", false);
        Money twenty = Money.of("20.00", "CNY");
        OrderRefunded first = new OrderRefunded(partly, "MM-P", 1, Instant.now(),
                List.of(new RefundedLine(1, 1, 1, twenty)), twenty, false, "returned", "R-1");
        listeners.on(first);
        listeners.on(first); // heard twice, counted once
        Money five = Money.of("5.00", "CNY");
        listeners.on(new OrderRefunded(partly, "MM-P", 1, Instant.now(), List.of(new RefundedLine(1, 1, 1, five)), five,
                false, "returned", "R-2"));
        Money fifty = Money.of("50.00", "CNY");
        listeners.on(new OrderRefunded(fully, "MM-F", 1, Instant.now(), List.of(new RefundedLine(2, 1, 1, fifty)), fifty,
                true, "returned", "R-3"));

        // The listener runs on the listeners' threads, as it does for a real refund.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ArmResult arm = results.of(id).orElseThrow().arms().get(0);
            // 25.00 of 100.00 paid went back: 75 % of 110.00, 10.00 and 10.00 stay; the full refund leaves nothing.
            assertThat(arm.revenue().amount()).isEqualByComparingTo("82.50");
            assertThat(arm.commission().amount()).isEqualByComparingTo("7.50");
            assertThat(arm.discount().amount()).isEqualByComparingTo("7.50");
            assertThat(arm.orderingDistributors()).as("the fully refunded order's distributor has no order left")
                    .isEqualTo(1);
        });
    }

    @Test
    void aDifferenceWhoseIntervalIncludesZeroIsReadAsNotYetClear() {
        long id = start();
        List<Arm> arms = experiments.find(id).orElseThrow().arms();
        distributors(id, arms.get(0).id(), 20, 0);
        distributors(id, arms.get(1).id(), 20, 0);
        orders(arms.get(0).id(), 4, "50.00", "5.00", "0.00", false);
        orders(arms.get(1).id(), 5, "50.00", "7.50", "0.00", false);

        List<Reading> readings = results.of(id).orElseThrow().readings();
        assertThat(readings.get(0).key()).isEqualTo("admin.experiments.reading.more.unclear");
        assertThat(readings.get(0).args().get(2)).isEqualTo("25");
        // A: (200 × 40 % − 20) / 20 = 3.00; B: (250 × 40 % − 37.50) / 20 = 3.12 (3.125 rounded down).
        assertThat(results.of(id).orElseThrow().arms().get(1).netPerDistributor().amount()).isEqualByComparingTo("3.12");
        assertThat(readings.get(1).key()).isEqualTo("admin.experiments.reading.margin.higher");
    }

    @Test
    void pointsNeverReadMinusZero() {
        assertThat(Intervals.points(-0.0004)).isEqualTo("-0.04");
        assertThat(Intervals.points(0.101)).isEqualTo("+10.1");
        assertThat(Intervals.points(0)).isEqualTo("+0.0");
    }
}

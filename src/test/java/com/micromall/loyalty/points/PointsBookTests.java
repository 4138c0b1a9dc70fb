package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The points book on the real PostgreSQL: the commission ledger's life cycle, exact to the point, and its sums. */
@MicromallTest
class PointsBookTests {

    @Autowired PointsBook book;
    @Autowired PointsJobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired PointsSettingsService settings;

    private static long someCustomer() {
        return 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    private static long someOrder() {
        return -ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000_000L);
    }

    private List<String> entries(long customer) {
        return jdbc.sql("SELECT kind, state, points FROM loyalty_points_entry WHERE customer_id = :c ORDER BY id")
                .param("c", customer).query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3))
                .list();
    }

    private long[] balance(long customer) {
        return jdbc.sql("SELECT available, frozen FROM loyalty_points_balance WHERE customer_id = :c").param("c", customer)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private long earnOnOrder(long customer, long order, long points, String base, Instant unfreezesAt) {
        book.earn(customer, PointsBook.ORDER, Long.toString(order), points, order, "MM-T", new BigDecimal(base),
                unfreezesAt, null);
        return order;
    }

    @Test
    void earnedPointsStayFrozenUntilTheReturnWindowIsOverThenBecomeAvailable() {
        long customer = someCustomer();
        Instant window = Instant.now().plus(Duration.ofDays(7));
        earnOnOrder(customer, someOrder(), 120, "120.00", window);

        assertThat(balance(customer)).containsExactly(0, 120);
        assertThat(book.unfreezeDue(customer, window.minusSeconds(1))).isZero();
        assertThat(book.unfreezeDue(customer, window)).isEqualTo(1);
        assertThat(balance(customer)).containsExactly(120, 0);
        assertThat(entries(customer)).containsExactly("EARNED AVAILABLE 120");
    }

    @Test
    void theJobsUnfreezeEveryCustomersDuePointsAndExpireThoseRunOut() {
        long first = someCustomer();
        long second = someCustomer();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        earnOnOrder(first, someOrder(), 30, "30.00", now.minusSeconds(5));
        book.earn(second, PointsBook.ORDER, Long.toString(someOrder()), 45, null, null, null, now.minusSeconds(5),
                now.minusSeconds(1));
        earnOnOrder(second, someOrder(), 5, "5.00", now.plus(Duration.ofDays(1)));

        assertThat(jobs.unfreezeDue(now)).isGreaterThanOrEqualTo(2);
        assertThat(jobs.expireDue(now)).isGreaterThanOrEqualTo(45);

        assertThat(balance(first)).containsExactly(30, 0);
        assertThat(balance(second)).containsExactly(0, 5);
        assertThat(entries(second)).containsExactly("EARNED AVAILABLE 45", "EARNED FROZEN 5", "EXPIRED AVAILABLE -45");
    }

    @Test
    void theSameEarningHeardTwiceIsRecordedOnce() {
        long customer = someCustomer();
        long order = someOrder();
        Instant window = Instant.now().plus(Duration.ofDays(7));
        earnOnOrder(customer, order, 50, "50.00", window);
        earnOnOrder(customer, order, 50, "50.00", window);

        assertThat(entries(customer)).containsExactly("EARNED FROZEN 50");
        assertThat(balance(customer)).containsExactly(0, 50);
    }

    /**
     * 100 points on goods paid 30.00; refunds of 10.00, 10.00 and the rest while frozen: 33 + 33 + 34 taken back
     * (cumulative share rounded down, the last whatever is left), then the earning and its reversals are REVERSED.
     */
    @Test
    void partialRefundsWhileFrozenReverseTheRefundedShareAndKeptPlusReversedIsTheOriginal() {
        long customer = someCustomer();
        long order = earnOnOrder(customer, someOrder(), 100, "30.00", Instant.now().plus(Duration.ofDays(7)));

        book.orderRefunded(order, "R1", new BigDecimal("10.00"), false);
        assertThat(entries(customer)).containsExactly("EARNED FROZEN 100", "REVERSAL FROZEN -33");
        assertThat(balance(customer)).containsExactly(0, 67);

        book.orderRefunded(order, "R2", new BigDecimal("10.00"), false);
        assertThat(entries(customer)).containsExactly("EARNED FROZEN 100", "REVERSAL FROZEN -33", "REVERSAL FROZEN -33");

        book.orderRefunded(order, "R2", new BigDecimal("10.00"), false);
        assertThat(entries(customer)).as("the same refund heard twice").hasSize(3);

        book.orderRefunded(order, "R3", new BigDecimal("10.00"), true);
        assertThat(entries(customer)).containsExactly("EARNED REVERSED 100", "REVERSAL REVERSED -33",
                "REVERSAL REVERSED -33", "REVERSAL REVERSED -34");
        assertThat(balance(customer)).containsExactly(0, 0);
    }

    @Test
    void aPartialRefundsReversalUnfreezesWithItsEarningSoOnlyTheKeptShareBecomesAvailable() {
        long customer = someCustomer();
        Instant window = Instant.now().plus(Duration.ofDays(7));
        long order = earnOnOrder(customer, someOrder(), 99, "99.00", window);
        book.orderRefunded(order, "R1", new BigDecimal("33.50"), false);

        book.unfreezeDue(customer, window);

        assertThat(entries(customer)).containsExactly("EARNED AVAILABLE 99", "REVERSAL AVAILABLE -33");
        assertThat(balance(customer)).containsExactly(66, 0);
    }

    @Test
    void aRefundAfterTheReturnWindowClawsBackAsANegativeEntryAndMayTakeTheBalanceBelowZero() {
        long customer = someCustomer();
        Instant window = Instant.now().minusSeconds(1);
        long order = earnOnOrder(customer, someOrder(), 100, "30.00", window);
        book.unfreezeDue(customer, Instant.now());
        transactions.executeWithoutResult(status -> book.spend(customer, someOrder(), "MM-S", 80, new BigDecimal("5.00")));

        book.orderRefunded(order, "R1", new BigDecimal("10.00"), false);
        book.orderRefunded(order, "R2", new BigDecimal("20.00"), true);

        assertThat(entries(customer)).containsExactly("EARNED AVAILABLE 100", "SPENT AVAILABLE -80",
                "CLAWBACK AVAILABLE -33", "CLAWBACK AVAILABLE -67");
        assertThat(balance(customer)).containsExactly(-80, 0);
    }

    @Test
    void pointsFromAnOutsideSourceFreezeUnfreezeAndAreTakenBackByKeyOnceEach() {
        long customer = someCustomer();
        String key = "commission:" + UUID.randomUUID();
        assertThat(book.recordFrozen(customer, key, 500, Instant.now().plus(Duration.ofDays(7)), null)).isTrue();
        assertThat(book.recordFrozen(customer, key, 500, Instant.now().plus(Duration.ofDays(7)), null)).isFalse();

        assertThat(book.takeBack(key, "refund-1", 120)).isEqualTo(120);
        assertThat(book.takeBack(key, "refund-1", 120)).as("the same refund again").isZero();
        assertThat(balance(customer)).containsExactly(0, 380);

        assertThat(book.makeAvailable(key)).isEqualTo(2);
        assertThat(book.makeAvailable(key)).isZero();
        assertThat(balance(customer)).containsExactly(380, 0);

        assertThat(book.takeBack(key, "refund-2", 1000)).as("never more than is left").isEqualTo(380);
        assertThat(entries(customer)).containsExactly("EARNED AVAILABLE 500", "REVERSAL AVAILABLE -120",
                "CLAWBACK AVAILABLE -380");
        assertThat(balance(customer)).containsExactly(0, 0);
    }

    @Test
    void outsidePointsRunOutAsTheOwnersTermsSayWhenNoExpiryIsGiven() {
        PointsTestSettings terms = new PointsTestSettings(settings);
        terms.on("1", 0, "0.01", "50", 12);
        try {
            long customer = someCustomer();
            String key = "commission:" + UUID.randomUUID();
            book.recordFrozen(customer, key, 10, Instant.now().plus(Duration.ofDays(7)));
            Instant expires = jdbc.sql("SELECT expires_at FROM loyalty_points_entry WHERE source_key = :k")
                    .param("k", key).query(java.sql.Timestamp.class).single().toInstant();
            Instant inAYear = Instant.now().atZone(java.time.ZoneOffset.UTC).plusMonths(12).toInstant();
            assertThat(expires).isBetween(inAYear.minus(Duration.ofMinutes(2)), inAYear);
        } finally {
            terms.restore();
        }
    }

    @Test
    void voidedOutsidePointsAreTakenBackWholeWhileFrozen() {
        long customer = someCustomer();
        String key = "commission:" + UUID.randomUUID();
        book.recordFrozen(customer, key, 70, Instant.now().plus(Duration.ofDays(7)), null);
        book.takeBack(key, "r", 20);

        assertThat(book.takeBackAll(key, "void")).isEqualTo(50);
        assertThat(book.takeBackAll(key, "void")).isZero();
        assertThat(entries(customer)).containsExactly("EARNED REVERSED 70", "REVERSAL REVERSED -20",
                "REVERSAL REVERSED -50");
    }

    @Test
    void aCancelledOrderGivesBackItsPointsOnceAndARefundGivesBackItsShare() {
        long customer = someCustomer();
        earnOnOrder(customer, someOrder(), 1000, "1000.00", Instant.now().minusSeconds(1));
        book.unfreezeDue(customer, Instant.now());
        long cancelled = someOrder();
        long refunded = someOrder();
        transactions.executeWithoutResult(status -> {
            book.spend(customer, cancelled, "MM-C", 300, new BigDecimal("60.00"));
            book.spend(customer, refunded, "MM-R", 100, new BigDecimal("30.00"));
        });
        assertThat(balance(customer)).containsExactly(600, 0);

        book.orderCancelled(cancelled);
        book.orderCancelled(cancelled);
        book.orderRefunded(refunded, "R1", new BigDecimal("10.00"), false);
        book.orderRefunded(refunded, "R1", new BigDecimal("10.00"), false);

        assertThat(balance(customer)).containsExactly(600 + 300 + 33, 0);
        book.orderRefunded(refunded, "R2", new BigDecimal("20.00"), true);
        assertThat(balance(customer)).containsExactly(1000, 0);
    }

    /**
     * First in, first out: 100 points expiring first and 50 later; 120 spent came out of the first 100 and 20 of the
     * 50. At the first expiry nothing is left of it to expire; at the second the 30 left run out.
     */
    @Test
    void pointsExpireFirstInFirstOutAndOnlyWhatIsLeftOfThem() {
        long customer = someCustomer();
        // Whole milliseconds: PostgreSQL keeps microseconds, rounded, so an instant with nanoseconds may be stored later.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant first = now.plus(Duration.ofDays(10));
        Instant second = now.plus(Duration.ofDays(20));
        book.earn(customer, PointsBook.ORDER, Long.toString(someOrder()), 100, null, null, null, now.minusSeconds(1), first);
        book.earn(customer, PointsBook.ORDER, Long.toString(someOrder()), 50, null, null, null, now.minusSeconds(1), second);
        book.earn(customer, PointsBook.ORDER, Long.toString(someOrder()), 40, null, null, null, now.minusSeconds(1), null);
        book.unfreezeDue(customer, now);
        transactions.executeWithoutResult(status -> book.spend(customer, someOrder(), "MM-S", 120, BigDecimal.TEN));

        assertThat(book.expireDue(customer, first)).isZero();
        assertThat(book.balanceOf(customer, second).expiringSoon()).isEqualTo(30);
        assertThat(book.expireDue(customer, second)).isEqualTo(30);
        assertThat(book.expireDue(customer, second.plusSeconds(1))).as("run again").isZero();
        assertThat(balance(customer)).containsExactly(40, 0);
    }

    @Test
    void customersAreToldOncePerExpiryDayThatTheirPointsRunOutWithinAMonth() {
        long customer = someCustomer();
        Instant now = Instant.now();
        book.earn(customer, PointsBook.ORDER, Long.toString(someOrder()), 75, null, null, null, now.minusSeconds(1),
                now.plus(Duration.ofDays(20)));
        book.unfreezeDue(customer, now);
        long told = noticesOf(customer);

        jobs.noticeExpiring(now);
        jobs.noticeExpiring(now);

        assertThat(noticesOf(customer) - told).isEqualTo(1);
        assertThat(jdbc.sql("SELECT points FROM loyalty_points_expiry_notice WHERE customer_id = :c")
                .param("c", customer).query(Long.class).single()).isEqualTo(75);
    }

    private long noticesOf(long customer) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_points_expiry_notice WHERE customer_id = :c").param("c", customer)
                .query(Long.class).single();
    }

    @Test
    void theBooksBalanceToThePointAndATamperedBalanceOrEntryShowsAsADifference() {
        long customer = someCustomer();
        Instant now = Instant.now();
        long order = earnOnOrder(customer, someOrder(), 100, "30.00", now.minusSeconds(1));
        book.unfreezeDue(customer, now);
        earnOnOrder(customer, someOrder(), 60, "60.00", now.plus(Duration.ofDays(3)));
        transactions.executeWithoutResult(status -> book.spend(customer, someOrder(), "MM-S", 20, BigDecimal.TEN));
        book.orderRefunded(order, "R1", new BigDecimal("10.00"), false);
        book.expireDue(customer, now);
        PointsReconciliation before = book.reconcile();
        assertThat(before.balanced()).as(before.toString()).isTrue();

        jdbc.sql("UPDATE loyalty_points_balance SET available = available + 7 WHERE customer_id = :c")
                .param("c", customer).update();
        try {
            assertThat(book.reconcile().balanced()).isFalse();
            assertThat(book.reconcile().difference()).isEqualTo(before.difference() - 7);
        } finally {
            jdbc.sql("UPDATE loyalty_points_balance SET available = available - 7 WHERE customer_id = :c")
                    .param("c", customer).update();
        }
        jdbc.sql("UPDATE loyalty_points_entry SET points = points - 5 WHERE customer_id = :c AND kind = 'SPENT'")
                .param("c", customer).update();
        try {
            assertThat(book.reconcile().difference()).as("a spend made 5 points bigger behind the balance").isEqualTo(-5);
        } finally {
            jdbc.sql("UPDATE loyalty_points_entry SET points = points + 5 WHERE customer_id = :c AND kind = 'SPENT'")
                    .param("c", customer).update();
        }
        assertThat(book.reconcile().balanced()).isTrue();
    }
}

package com.micromall.distribution.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what the ledger expects each distributor to earn from open orders ({@code distributor_totals.expected}) and
 * the chart's hourly commission buckets, moved in the writing transactions so pages read one row instead of
 * aggregating the distributor's whole history. The money is in {@link DistributorAccounts}; referred customers,
 * orders and GMV are reporting's.
 * {@link #recompute} rebuilds one distributor from its rows (for data written around the app, e.g. test fixtures).
 */
@Component
@RequiredArgsConstructor
public class DistributorTotals {

    private final JdbcClient jdbc;

    /** Makes sure the distributor has a totals row (all zero when new). */
    @Transactional(propagation = Propagation.MANDATORY)
    void ensure(long customerId) {
        jdbc.sql("INSERT INTO distributor_totals (customer_id) VALUES (:d) ON CONFLICT DO NOTHING")
                .param("d", customerId).update();
    }

    /**
     * A COMMISSION entry created at {@code createdAt} was credited ({@code amount}) or voided ({@code -amount}):
     * its hour's bucket for the dashboard's chart moves by that much. Insert-then-update, so two first entries
     * of one hour never collide.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void commissionCredited(long distributorId, Instant createdAt, BigDecimal amount) {
        long hour = hourOf(createdAt);
        jdbc.sql("""
                INSERT INTO distributor_commission_hour (distributor_id, hour_no, credited) VALUES (:d, :h, 0)
                ON CONFLICT DO NOTHING""").param("d", distributorId).param("h", hour).update();
        jdbc.sql("UPDATE distributor_commission_hour SET credited = credited + :a WHERE distributor_id = :d AND hour_no = :h")
                .param("a", amount).param("d", distributorId).param("h", hour).update();
    }

    /** The bucket of an instant: whole hours since 1970-01-01T00:00Z. */
    public static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }

    /** What an order counts for in its sharers' expected commission (zero where nobody earns). */
    record ExpectedCount(@Nullable Long level1, @Nullable Long level2, BigDecimal expected1, BigDecimal expected2) {
    }

    /**
     * Brings what the order is expected to earn its level-1 and level-2 sharers (the dashboard's "expected") up to
     * the snapshot's current state ({@link #countExpected}). Idempotent: the snapshot row remembers what the order
     * counts for and the totals move by new - old; the row is locked first, so syncs of one order run one after
     * the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void syncExpected(long orderId) {
        Optional<ExpectedCount> before = jdbc.sql("""
                SELECT level1_id, level2_id, level1_expected, level2_expected FROM commission_snapshot
                WHERE order_id = :o FOR UPDATE""")
                .param("o", orderId)
                .query((rs, i) -> new ExpectedCount(rs.getObject("level1_id", Long.class), rs.getObject("level2_id", Long.class),
                        zeroIfNull(rs.getBigDecimal("level1_expected")), zeroIfNull(rs.getBigDecimal("level2_expected"))))
                .optional();
        if (before.isEmpty()) {
            return;
        }
        ExpectedCount now = countExpected(jdbc, orderId);
        if (now.level1() != null) {
            expectedBy(now.level1(), now.expected1().subtract(before.get().expected1()));
        }
        if (now.level2() != null) {
            expectedBy(now.level2(), now.expected2().subtract(before.get().expected2()));
        }
    }

    /** What the lines are expected to earn at one level: each line's commission as it would be credited. */
    static BigDecimal expected(List<CommissionLedger.SnapshotLine> lines, Currency currency, int level,
                               BigDecimal level1Percent, BigDecimal level2Percent) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CommissionLedger.SnapshotLine line : lines) {
            sum = sum.add(line.commission(currency, level, level1Percent, level2Percent).amount());
        }
        return sum;
    }

    private void expectedBy(long distributorId, BigDecimal delta) {
        if (delta.signum() == 0) {
            return;
        }
        ensure(distributorId);
        jdbc.sql("UPDATE distributor_totals SET expected = expected + :a WHERE customer_id = :d")
                .param("a", delta).param("d", distributorId).update();
    }

    private static BigDecimal zeroIfNull(@Nullable BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    /**
     * Rebuilds one distributor's expected commission, its chart's hourly buckets and its code's click count from the
     * rows themselves.
     * Work grows with the distributor's history: for repairs and for data written around the app, never per page.
     */
    @Transactional
    public void recompute(long customerId) {
        ensure(customerId);
        // The open orders' expected commission comes from CommissionPolicy, so it is counted per order in Java.
        for (Long orderId : jdbc.sql("""
                SELECT order_id FROM commission_snapshot
                WHERE state = 'PLACED' AND (level1_id = :d OR level2_id = :d) ORDER BY order_id""")
                .param("d", customerId).query(Long.class).list()) {
            countExpected(jdbc, orderId);
        }
        jdbc.sql(RECOMPUTE).param("d", customerId).update();
        jdbc.sql("DELETE FROM distributor_commission_hour WHERE distributor_id = :d").param("d", customerId).update();
        jdbc.sql("""
                INSERT INTO distributor_commission_hour (distributor_id, hour_no, credited)
                SELECT distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT), SUM(amount)
                FROM commission_entry WHERE distributor_id = :d AND kind = 'COMMISSION' AND state <> 'VOID'
                GROUP BY distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT)""")
                .param("d", customerId).update();
        jdbc.sql("DELETE FROM referral_click_count WHERE code IN (SELECT code FROM distributor WHERE customer_id = :d)")
                .param("d", customerId).update();
        jdbc.sql("""
                INSERT INTO referral_click_count (code, shard, clicks)
                SELECT c.code, 0, COUNT(*) FROM referral_click c JOIN distributor x ON x.code = c.code
                WHERE x.customer_id = :d GROUP BY c.code""")
                .param("d", customerId).update();
    }

    /** What the totals row of {@code customerId} says, column by column (for checks and tests). */
    @Transactional(readOnly = true)
    public Map<String, Object> row(long customerId) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM distributor_totals WHERE customer_id = :d")
                .param("d", customerId).query().listOfRows();
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    static final String RECOMPUTE = """
            UPDATE distributor_totals SET
                expected = (SELECT COALESCE(SUM(s.level1_expected), 0) FROM commission_snapshot s
                            WHERE s.level1_id = :d AND s.state = 'PLACED')
                         + (SELECT COALESCE(SUM(s.level2_expected), 0) FROM commission_snapshot s
                            WHERE s.level2_id = :d AND s.state = 'PLACED')
            WHERE customer_id = :d""";

    /**
     * Sets, from its snapshot, what the order counts for in its sharers' expected commission and returns it: the
     * commission of its lines less the units refunded so far while it is open (PLACED), nothing once it is
     * completed, refunded or cancelled. Moves no totals: {@link #syncExpected} does, and {@link #recompute} and the
     * expected-commission migration sum the rows afterwards.
     */
    static ExpectedCount countExpected(JdbcClient jdbc, long orderId) {
        record Terms(@Nullable Long level1, @Nullable Long level2, BigDecimal level1Percent, BigDecimal level2Percent,
                     Currency currency, boolean open) {
        }
        Terms t = jdbc.sql("""
                SELECT level1_id, level2_id, level1_percent, level2_percent, currency, state FROM commission_snapshot
                WHERE order_id = :o""")
                .param("o", orderId)
                .query((rs, i) -> new Terms(rs.getObject("level1_id", Long.class), rs.getObject("level2_id", Long.class),
                        rs.getBigDecimal("level1_percent"), rs.getBigDecimal("level2_percent"),
                        Currency.getInstance(rs.getString("currency")), "PLACED".equals(rs.getString("state"))))
                .single();
        List<CommissionLedger.SnapshotLine> lines = t.open() ? CommissionLedger.lines(jdbc, orderId) : List.of();
        ExpectedCount now = new ExpectedCount(t.level1(), t.level2(),
                t.level1() == null ? BigDecimal.ZERO : expected(lines, t.currency(), 1, t.level1Percent(), t.level2Percent()),
                t.level2() == null ? BigDecimal.ZERO : expected(lines, t.currency(), 2, t.level1Percent(), t.level2Percent()));
        jdbc.sql("UPDATE commission_snapshot SET level1_expected = :a, level2_expected = :b WHERE order_id = :o")
                .param("a", now.expected1()).param("b", now.expected2()).param("o", orderId).update();
        return now;
    }
}

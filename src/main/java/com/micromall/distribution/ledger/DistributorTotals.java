package com.micromall.distribution.ledger;

import com.micromall.distribution.referral.CustomerBound;
import com.micromall.distribution.DistributorEnrolled;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the order figures of {@code distributor_totals} exact: every write that changes a distributor's figure
 * calls one of these methods in its own transaction, so pages read one row instead of aggregating the distributor's
 * whole history (the money is in {@link DistributorAccounts}). Order figures are recomputed per order from its
 * current state ({@link #syncOrder}), so a redelivered order event changes nothing. The chart's hourly commission buckets are kept here too.
 * {@link #recompute} rebuilds one distributor from its rows (for data written around the app, e.g. test fixtures).
 */
@Component
@RequiredArgsConstructor
public class DistributorTotals {

    private final JdbcClient jdbc;

    /** A new distributor gets an all-zero row at once: the roll lists distributors from their rows. */
    @EventListener
    void on(DistributorEnrolled enrolled) {
        ensure(enrolled.customerId());
    }

    @EventListener
    void on(CustomerBound binding) {
        bound(binding.referrerId(), binding.refereeId());
    }

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

    /** Goods paid on a not-cancelled order where the distributor is level 1 (the dashboard's GMV): +/- amount. */
    @Transactional(propagation = Propagation.MANDATORY)
    void levelOneGoods(long distributorId, BigDecimal amount) {
        ensure(distributorId);
        jdbc.sql("UPDATE distributor_totals SET level1_goods = level1_goods + :a WHERE customer_id = :d")
                .param("a", amount).param("d", distributorId).update();
    }

    /** A new binding (inserted in this transaction): one more referred, and the referee's orders now count. */
    @Transactional(propagation = Propagation.MANDATORY)
    void bound(long referrerId, long refereeId) {
        ensure(referrerId);
        jdbc.sql("UPDATE distributor_totals SET referred = referred + 1 WHERE customer_id = :d")
                .param("d", referrerId).update();
        for (Long orderId : jdbc.sql("SELECT id FROM shop_order WHERE customer_id = :b ORDER BY id")
                .param("b", refereeId).query(Long.class).list()) {
            syncOrder(orderId);
        }
    }

    private record Counted(long referrerId, long buyerId, boolean counted, BigDecimal amount) {
    }

    /**
     * Brings the order's share of its referrer's figures (orders, GMV, invitees who ordered) and the buyer's
     * first-order time up to the order's current state. Idempotent: the referred_order row remembers what the order
     * counts for now, and the totals move by new - old. The buyer's binding row is locked first, so syncs of one
     * buyer run one after the other and each reads the order after the previous one committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void syncOrder(long orderId) {
        Optional<Long> buyer = jdbc.sql("SELECT customer_id FROM shop_order WHERE id = :o").param("o", orderId)
                .query(Long.class).optional();
        if (buyer.isEmpty()) {
            return;
        }
        Optional<Long> referrer = jdbc.sql("SELECT referrer_id FROM referral_binding WHERE referee_id = :b FOR UPDATE")
                .param("b", buyer.get()).query(Long.class).optional();
        if (referrer.isEmpty()) {
            return;
        }
        firstOrder("referee_id = :b", buyer.get());
        Counted now = jdbc.sql("SELECT status, total - refunded_total AS amount FROM shop_order WHERE id = :o")
                .param("o", orderId)
                .query((rs, i) -> new Counted(referrer.get(), buyer.get(), !"CANCELLED".equals(rs.getString("status")),
                        rs.getBigDecimal("amount")))
                .single();
        @Nullable Counted before = jdbc.sql("SELECT referrer_id, buyer_id, counted, amount FROM referred_order WHERE order_id = :o")
                .param("o", orderId)
                .query((rs, i) -> new Counted(rs.getLong("referrer_id"), rs.getLong("buyer_id"), rs.getBoolean("counted"),
                        rs.getBigDecimal("amount")))
                .optional().orElse(null);
        if (before != null && before.equals(now)) {
            return;
        }
        boolean orderedBefore = hasCountedOrder(now.buyerId());
        if (before == null) {
            jdbc.sql("""
                    INSERT INTO referred_order (order_id, referrer_id, buyer_id, counted, amount)
                    VALUES (:o, :r, :b, :c, :a)""")
                    .param("o", orderId).param("r", now.referrerId()).param("b", now.buyerId())
                    .param("c", now.counted()).param("a", now.amount()).update();
        } else {
            jdbc.sql("UPDATE referred_order SET referrer_id = :r, counted = :c, amount = :a WHERE order_id = :o")
                    .param("o", orderId).param("r", now.referrerId()).param("c", now.counted())
                    .param("a", now.amount()).update();
        }
        boolean orderedAfter = hasCountedOrder(now.buyerId());
        if (before != null && before.counted()) {
            orderFigures(before.referrerId(), -1, before.amount().negate(), 0);
        }
        if (now.counted()) {
            orderFigures(now.referrerId(), 1, now.amount(), 0);
        }
        if (orderedBefore != orderedAfter) {
            orderFigures(now.referrerId(), 0, BigDecimal.ZERO, orderedAfter ? 1 : -1);
        }
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

    /** Sets when the matching bound customers first ordered (not cancelled), from their order snapshots. */
    private void firstOrder(String bindings, long id) {
        jdbc.sql("""
                UPDATE referral_binding SET first_order_at = (SELECT MIN(s.placed_at) FROM commission_snapshot s
                    WHERE s.buyer_id = referral_binding.referee_id AND s.state <> 'CANCELLED')
                WHERE %s""".formatted(bindings)).param("b", id).update();
    }

    private boolean hasCountedOrder(long buyerId) {
        return jdbc.sql("SELECT COUNT(*) FROM referred_order WHERE buyer_id = :b AND counted = TRUE")
                .param("b", buyerId).query(Long.class).single() > 0;
    }

    private void orderFigures(long referrerId, long orders, BigDecimal gmv, long orderingInvitees) {
        ensure(referrerId);
        jdbc.sql("""
                UPDATE distributor_totals SET orders = orders + :n, gmv = gmv + :g,
                    ordering_invitees = ordering_invitees + :i WHERE customer_id = :d""")
                .param("n", orders).param("g", gmv).param("i", orderingInvitees).param("d", referrerId).update();
    }

    /**
     * Rebuilds one distributor's totals (and its referees' referred_order rows and first-order times, its chart's
     * hourly buckets and its code's click count) from the rows themselves.
     * Work grows with the distributor's history: for repairs and for data written around the app, never per page.
     */
    @Transactional
    public void recompute(long customerId) {
        ensure(customerId);
        jdbc.sql("DELETE FROM referred_order WHERE referrer_id = :d").param("d", customerId).update();
        jdbc.sql("""
                INSERT INTO referred_order (order_id, referrer_id, buyer_id, counted, amount)
                SELECT so.id, b.referrer_id, so.customer_id, CASE WHEN so.status <> 'CANCELLED' THEN TRUE ELSE FALSE END,
                    so.total - so.refunded_total
                FROM shop_order so JOIN referral_binding b ON b.referee_id = so.customer_id
                WHERE b.referrer_id = :d""").param("d", customerId).update();
        // The open orders' expected commission comes from CommissionPolicy, so it is counted per order in Java.
        for (Long orderId : jdbc.sql("""
                SELECT order_id FROM commission_snapshot
                WHERE state = 'PLACED' AND (level1_id = :d OR level2_id = :d) ORDER BY order_id""")
                .param("d", customerId).query(Long.class).list()) {
            countExpected(jdbc, orderId);
        }
        jdbc.sql(RECOMPUTE).param("d", customerId).update();
        firstOrder("referrer_id = :b", customerId);
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
                referred = (SELECT COUNT(*) FROM referral_binding b WHERE b.referrer_id = :d),
                orders = (SELECT COUNT(*) FROM referred_order o WHERE o.referrer_id = :d AND o.counted = TRUE),
                gmv = (SELECT COALESCE(SUM(o.amount), 0) FROM referred_order o WHERE o.referrer_id = :d AND o.counted = TRUE),
                ordering_invitees = (SELECT COUNT(DISTINCT o.buyer_id) FROM referred_order o
                                     WHERE o.referrer_id = :d AND o.counted = TRUE),
                level1_goods = (SELECT COALESCE(SUM(l.paid_amount), 0) FROM commission_snapshot s
                                JOIN commission_snapshot_line l ON l.order_id = s.order_id
                                WHERE s.level1_id = :d AND s.state <> 'CANCELLED'),
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

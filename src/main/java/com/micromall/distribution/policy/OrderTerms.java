package com.micromall.distribution.policy;

import com.micromall.order.RefundedLine;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each placed order's frozen commission terms ({@link CommissionSnapshots} writes them when it is placed), as
 * crediting books money from them, and what open orders are expected to earn. The snapshot's state follows the order
 * only as far as the expectation needs: open (PLACED), or out of the sum once completed, cancelled or fully refunded.
 */
@Component
@RequiredArgsConstructor
public class OrderTerms {

    private final JdbcClient jdbc;

    /**
     * An order's terms: who earns (level 1, level 2, a staff member) at which rates, the return window, and what the
     * abuse checks compare (buyer, shipping address).
     *
     * @param state PLACED while the order is open, then COMPLETED, CANCELLED or REFUNDED
     */
    public record Snapshot(long orderId, String orderNumber, long buyerId, @Nullable Long level1, @Nullable Long level2,
                           BigDecimal level1Percent, BigDecimal level2Percent, int returnWindowDays, Currency currency,
                           @Nullable String shippingLine1, @Nullable String shippingPostal, String state,
                           @Nullable Long staffAccount, @Nullable BigDecimal staffPercent) {

        public boolean completed() {
            return state.equals("COMPLETED");
        }
    }

    /**
     * One line of an order's terms.
     *
     * @param refundedBefore the units refunded while the order was still open, which earn nothing
     * @param friendGift the part of the distributor's friend's share this line carries (level 1 gives it away)
     */
    public record SnapshotLine(long lineId, long productId, int quantity, BigDecimal paidAmount,
                               @Nullable BigDecimal overridePercent, @Nullable BigDecimal overrideFixed, int refundedBefore,
                               BigDecimal friendGift) {

        public CommissionPolicy.LineTerms terms(Currency currency) {
            return new CommissionPolicy.LineTerms(quantity, Money.of(paidAmount, currency), overridePercent,
                    overrideFixed, Money.of(friendGift, currency));
        }

        /** What the line earns at {@code level}: its commission less the share of the units refunded before completion. */
        public Money commission(Currency currency, int level, BigDecimal level1Percent, BigDecimal level2Percent) {
            Money full = CommissionPolicy.amount(terms(currency), level, level1Percent, level2Percent);
            return full.minus(CommissionPolicy.share(full, refundedBefore, quantity));
        }
    }

    /**
     * The order's terms, their row locked until the booking transaction ends: crediting and taking back serialise on
     * it, so a refund committed while the order is being credited is either seen in the lines credit reads or finds
     * the order COMPLETED and its entries written - never lost in between. Empty before the order's snapshot exists.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Snapshot> lockedForBooking(long orderId) {
        return jdbc.sql("""
                SELECT order_id, order_number, buyer_id, level1_id, level2_id, level1_percent, level2_percent,
                    return_window_days, currency, shipping_line1, shipping_postal, state, staff_account_id, staff_percent
                FROM commission_snapshot WHERE order_id = :o FOR UPDATE""")
                .param("o", orderId)
                .query((rs, i) -> new Snapshot(rs.getLong("order_id"), rs.getString("order_number"), rs.getLong("buyer_id"),
                        rs.getObject("level1_id", Long.class), rs.getObject("level2_id", Long.class),
                        rs.getBigDecimal("level1_percent"), rs.getBigDecimal("level2_percent"),
                        rs.getInt("return_window_days"), Currency.getInstance(rs.getString("currency")),
                        rs.getString("shipping_line1"), rs.getString("shipping_postal"), rs.getString("state"),
                        rs.getObject("staff_account_id", Long.class), rs.getBigDecimal("staff_percent")))
                .optional();
    }

    /** The order's lines, read alike when crediting and when counting an open order's expected commission. */
    public List<SnapshotLine> lines(long orderId) {
        return lines(jdbc, orderId);
    }

    static List<SnapshotLine> lines(JdbcClient jdbc, long orderId) {
        return jdbc.sql("""
                SELECT line_id, product_id, quantity, paid_amount, override_percent, override_fixed,
                    refunded_before_completion, friend_gift
                FROM commission_snapshot_line WHERE order_id = :o ORDER BY line_id""")
                .param("o", orderId)
                .query((rs, i) -> new SnapshotLine(rs.getLong("line_id"), rs.getLong("product_id"), rs.getInt("quantity"),
                        rs.getBigDecimal("paid_amount"), rs.getBigDecimal("override_percent"),
                        rs.getBigDecimal("override_fixed"), rs.getInt("refunded_before_completion"),
                        rs.getBigDecimal("friend_gift")))
                .list();
    }

    /** Completed and being credited: no longer open, so no longer in its sharers' expected commission. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completed(long orderId) {
        jdbc.sql("UPDATE commission_snapshot SET state = 'COMPLETED' WHERE order_id = :o AND state = 'PLACED'")
                .param("o", orderId).update();
    }

    /**
     * Units refunded while the order is still open earn nothing when it completes; a full refund closes it. Called
     * once per refund, with the snapshot locked by {@link #lockedForBooking}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundedBeforeCompletion(long orderId, List<RefundedLine> refunded, boolean fullyRefunded) {
        for (RefundedLine line : refunded) {
            jdbc.sql("""
                    UPDATE commission_snapshot_line SET refunded_before_completion = refunded_before_completion + :q
                    WHERE line_id = :line""").param("q", line.quantity()).param("line", line.lineId()).update();
        }
        if (fullyRefunded) {
            jdbc.sql("UPDATE commission_snapshot SET state = 'REFUNDED' WHERE order_id = :o AND state = 'PLACED'")
                    .param("o", orderId).update();
        }
        // Still open after a part refund: it is now expected to earn less.
        CommissionSnapshots.countExpected(jdbc, orderId);
    }

    /**
     * What the distributor's open orders are expected to earn them, at both levels. Summed when read (an index-only
     * range of the snapshot indexes on sharer, state and expected amount) rather than kept as a counter, so an order
     * that completes, is cancelled or refunded leaves the sum by its state and nothing has to be subtracted.
     */
    public BigDecimal expectedFor(long distributorId) {
        return jdbc.sql("""
                SELECT (SELECT COALESCE(SUM(s.level1_expected), 0) FROM commission_snapshot s
                        WHERE s.level1_id = :d AND s.state = 'PLACED')
                     + (SELECT COALESCE(SUM(s.level2_expected), 0) FROM commission_snapshot s
                        WHERE s.level2_id = :d AND s.state = 'PLACED')""")
                .param("d", distributorId).query(BigDecimal.class).single();
    }

    /** When each of the orders was placed; an order without a snapshot is left out. */
    public Map<Long, Instant> placedAt(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT order_id, placed_at FROM commission_snapshot WHERE order_id IN (:ids)")
                .param("ids", orderIds)
                .query((rs, i) -> Map.entry(rs.getLong("order_id"), rs.getTimestamp("placed_at").toInstant()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

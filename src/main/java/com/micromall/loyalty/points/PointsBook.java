package com.micromall.loyalty.points;

import com.micromall.loyalty.levels.LevelRecompute;
import com.micromall.settings.ShopTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points book: every change to a customer's points is an entry, written with the customer's balance row locked
 * and the balance recomputed from the entries in the same transaction, so spending, earning, taking back and expiring
 * of one customer's points run one after the other. The unique key (source, source key, kind, refund id) makes a
 * replayed event or a form sent twice write nothing.
 *
 * <p>Taking back follows the commission ledger's rules: before an earning is available a REVERSAL in its state takes
 * the share (the cumulative share rounded down, the last one whatever is left, so kept + taken back = earned) and the
 * one that empties it makes it and its reversals REVERSED; after it, a CLAWBACK lowers the available points (which
 * may go below zero).
 */
@Service
@RequiredArgsConstructor
public class PointsBook {

    /** Points earned on the customer's own order; key: the order id. */
    static final String ORDER = "order";
    /** Points the inviter earned for a friend's first order; key: the friend's customer id. */
    static final String REFERRAL = "referral";
    /** Points from a source outside this module (a commission taken as points); key: the caller's. */
    static final String OUTSIDE = "outside";
    /** Points spent on an order and given back; key: the order id. */
    static final String CHECKOUT = "checkout";
    /** Points traded for a gift from the catalogue, an order of its own; key: the order id. */
    static final String GIFT = "gift";
    /** Points traded for a voucher; key: customer id and the form's token. */
    static final String VOUCHER = "voucher";
    /** Points run out; key: customer id and the run's instant. */
    static final String EXPIRY = "expiry";

    private static final String ENTRY_COLUMNS = """
            id, customer_id, kind, state, points, source, source_key, order_id, order_number, base, created_at,
            unfreezes_at, expires_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PointsSettingsService settings;
    private final LevelRecompute levels;
    private final ShopTime shopTime;

    /** An entry as the book works with it. */
    record Row(long id, long customerId, PointsKind kind, PointsState state, long points, String source, String sourceKey,
               @Nullable Long orderId, @Nullable String orderNumber, @Nullable BigDecimal base, Instant createdAt,
               @Nullable Instant unfreezesAt, @Nullable Instant expiresAt) {
    }

    /** A new entry. */
    record NewEntry(long customerId, PointsKind kind, PointsState state, long points, String source, String sourceKey,
                    String refundId, @Nullable Long parentId, @Nullable Long orderId, @Nullable String orderNumber,
                    @Nullable BigDecimal base, @Nullable Instant unfreezesAt, @Nullable Instant expiresAt) {
    }

    // ---- the balance row: the lock, and the cache kept with the entries

    /** Locks the customer's balance row (made on first use) until the transaction ends; their available points. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lock(long customerId) {
        jdbc.sql("INSERT INTO loyalty_points_balance (customer_id, available, frozen) VALUES (:c, 0, 0) ON CONFLICT DO NOTHING")
                .param("c", customerId).update();
        return jdbc.sql("SELECT available FROM loyalty_points_balance WHERE customer_id = :c FOR UPDATE")
                .param("c", customerId).query(Long.class).single();
    }

    private void refresh(long customerId) {
        jdbc.sql("""
                UPDATE loyalty_points_balance SET
                    available = (SELECT COALESCE(SUM(points), 0) FROM loyalty_points_entry
                                 WHERE customer_id = :c AND state = 'AVAILABLE'),
                    frozen = (SELECT COALESCE(SUM(points), 0) FROM loyalty_points_entry
                              WHERE customer_id = :c AND state = 'FROZEN')
                WHERE customer_id = :c""").param("c", customerId).update();
    }

    private boolean insert(NewEntry e) {
        return jdbc.sql("""
                INSERT INTO loyalty_points_entry (customer_id, kind, state, points, source, source_key, refund_id, parent_id,
                    order_id, order_number, base, created_at, unfreezes_at, expires_at)
                VALUES (:c, :kind, :state, :points, :source, :key, :refund, :parent, :order, :number, :base, :at,
                    :unfreezes, :expires)
                ON CONFLICT DO NOTHING""")
                .param("c", e.customerId()).param("kind", e.kind().name()).param("state", e.state().name())
                .param("points", e.points()).param("source", e.source()).param("key", e.sourceKey())
                .param("refund", e.refundId()).param("parent", e.parentId()).param("order", e.orderId())
                .param("number", e.orderNumber()).param("base", e.base()).param("at", Timestamp.from(clock.instant()))
                .param("unfreezes", timestamp(e.unfreezesAt())).param("expires", timestamp(e.expiresAt()))
                .update() > 0;
    }

    // ---- earning

    /**
     * Records points earned, FROZEN until {@code unfreezesAt}; nothing when this source and key earned already.
     *
     * @return whether it was recorded now
     */
    @Transactional
    public boolean earn(long customerId, String source, String sourceKey, long points, @Nullable Long orderId,
                        @Nullable String orderNumber, @Nullable BigDecimal base, Instant unfreezesAt,
                        @Nullable Instant expiresAt) {
        if (points <= 0) {
            return false;
        }
        lock(customerId);
        boolean recorded = insert(new NewEntry(customerId, PointsKind.EARNED, PointsState.FROZEN, points, source, sourceKey,
                "", null, orderId, orderNumber, base, unfreezesAt, expiresAt));
        if (recorded) {
            refresh(customerId);
            levels.pointsEarned(customerId);
        }
        return recorded;
    }

    /**
     * Points from a source outside this module (a sharer's commission taken as points, key e.g.
     * {@code "commission:12,13"}), FROZEN until {@code unfreezesAt}, running out at {@code expiresAt} (null: never). A
     * key recorded before records nothing.
     */
    @Transactional
    public boolean recordFrozen(long customerId, String sourceKey, long points, Instant unfreezesAt,
                                @Nullable Instant expiresAt) {
        return earn(customerId, OUTSIDE, sourceKey, points, null, null, null, unfreezesAt, expiresAt);
    }

    /**
     * When points earned at {@code earnedAt} run out: the owner's months later on the shop's calendar, at the same
     * time of day (a month from Jan 31 ends on the month's last day, as {@code java.time} counts), or never.
     */
    @Nullable Instant expiry(PointsSettings terms, Instant earnedAt) {
        if (terms.expiryMonths() <= 0) {
            return null;
        }
        return earnedAt.atZone(shopTime.zone()).plusMonths(terms.expiryMonths()).toInstant();
    }

    /** As {@link #recordFrozen(long, String, long, Instant, Instant)}, running out as the owner's terms say. */
    @Transactional
    public boolean recordFrozen(long customerId, String sourceKey, long points, Instant unfreezesAt) {
        return recordFrozen(customerId, sourceKey, points, unfreezesAt,
                expiry(settings.current(), clock.instant()));
    }

    /** The outside source's frozen points (and their reversals) become available now; 0 when they already were. */
    @Transactional
    public int makeAvailable(String sourceKey) {
        Optional<Row> earned = earned(OUTSIDE, sourceKey);
        if (earned.isEmpty()) {
            return 0;
        }
        lock(earned.get().customerId());
        int moved = jdbc.sql("""
                UPDATE loyalty_points_entry SET state = 'AVAILABLE'
                WHERE (id = :id OR parent_id = :id) AND state = 'FROZEN'""").param("id", earned.get().id()).update();
        refresh(earned.get().customerId());
        return moved;
    }

    /**
     * Takes {@code points} back from the outside source's points for one refund ({@code refundId}): a reversal while
     * they are frozen, a clawback once available; never more than is left. The same refund heard twice takes nothing.
     *
     * @return the points taken back now
     */
    @Transactional
    public long takeBack(String sourceKey, String refundId, long points) {
        Optional<Row> found = earned(OUTSIDE, sourceKey);
        if (found.isEmpty() || points <= 0) {
            return 0;
        }
        lock(found.get().customerId());
        Row earned = reload(found.get().id());
        long taken = takenBack(earned.id());
        long share = takeBackTo(earned, taken + points, refundId);
        refresh(earned.customerId());
        return share;
    }

    /**
     * Points from an outside source, available at once (a sharer's commission paid as points when its return window
     * ends); a key recorded before records nothing.
     */
    @Transactional
    public boolean recordAvailable(long customerId, String sourceKey, long points, @Nullable Instant expiresAt) {
        boolean recorded = recordFrozen(customerId, sourceKey, points, clock.instant(), expiresAt);
        if (recorded) {
            makeAvailable(sourceKey);
        }
        return recorded;
    }

    /**
     * Takes back from the outside source's points the share {@code taken} of {@code worth} has reached in all: that
     * share of the points rounded down, and all of them once all of it is taken, so kept + taken back = earned.
     *
     * @return the points taken back now
     */
    @Transactional
    public long takeBackShare(String sourceKey, String refundId, BigDecimal taken, BigDecimal worth) {
        Optional<Row> found = earned(OUTSIDE, sourceKey);
        if (found.isEmpty() || worth.signum() <= 0) {
            return 0;
        }
        lock(found.get().customerId());
        Row earned = reload(found.get().id());
        long target = taken.compareTo(worth) >= 0 ? earned.points()
                : BigDecimal.valueOf(earned.points()).multiply(taken).divide(worth, 0, RoundingMode.DOWN).longValueExact();
        long share = takeBackTo(earned, target, refundId);
        refresh(earned.customerId());
        return share;
    }

    /** Takes back everything left of the outside source's points (its commission was voided); once. */
    @Transactional
    public long takeBackAll(String sourceKey, String refundId) {
        Optional<Row> found = earned(OUTSIDE, sourceKey);
        if (found.isEmpty()) {
            return 0;
        }
        lock(found.get().customerId());
        Row earned = reload(found.get().id());
        long share = takeBackTo(earned, earned.points(), refundId);
        refresh(earned.customerId());
        return share;
    }

    /**
     * Takes back from {@code earned} so that {@code target} of it (at most all of it) is taken back in all. Called
     * with the customer's balance row locked; the caller refreshes the balance.
     */
    private long takeBackTo(Row earned, long target, String refundId) {
        if (earned.state() == PointsState.REVERSED) {
            return 0;
        }
        long already = takenBack(earned.id());
        long share = Math.min(target, earned.points()) - already;
        if (share <= 0) {
            return 0;
        }
        boolean frozen = earned.state() == PointsState.FROZEN;
        boolean inserted = insert(new NewEntry(earned.customerId(), frozen ? PointsKind.REVERSAL : PointsKind.CLAWBACK,
                frozen ? PointsState.FROZEN : PointsState.AVAILABLE, -share, earned.source(), earned.sourceKey(), refundId,
                earned.id(), earned.orderId(), earned.orderNumber(), null, frozen ? earned.unfreezesAt() : null, null));
        if (!inserted) {
            return 0;
        }
        if (frozen && already + share == earned.points()) {
            jdbc.sql("UPDATE loyalty_points_entry SET state = 'REVERSED' WHERE id = :id OR parent_id = :id")
                    .param("id", earned.id()).update();
        }
        return share;
    }

    private long takenBack(long earnedId) {
        return jdbc.sql("SELECT COALESCE(-SUM(points), 0) FROM loyalty_points_entry WHERE parent_id = :id")
                .param("id", earnedId).query(Long.class).single();
    }

    // ---- orders: refunds, cancellations, spending

    /**
     * An order's refund takes back its share of the points earned on it (the buyer's and their inviter's) and gives
     * back its share of the points spent on it: the share of the goods paid back so far, rounded down, everything at
     * the full refund. Nothing when the order has no points; the same refund heard twice does nothing.
     */
    @Transactional
    public void orderRefunded(long orderId, String refundId, BigDecimal refundedGoods, boolean fully) {
        List<Row> rows = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_points_entry WHERE order_id = :o"
                        + " AND kind IN ('EARNED', 'SPENT') ORDER BY customer_id, id")
                .param("o", orderId).query((rs, i) -> row(rs)).list();
        if (rows.isEmpty()) {
            return;
        }
        int heard = jdbc.sql("INSERT INTO loyalty_points_refund (order_id, refund_id, amount) VALUES (:o, :r, :a)"
                        + " ON CONFLICT DO NOTHING")
                .param("o", orderId).param("r", refundId).param("a", refundedGoods).update();
        if (heard == 0) {
            return;
        }
        BigDecimal refundedSoFar = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM loyalty_points_refund WHERE order_id = :o")
                .param("o", orderId).query(BigDecimal.class).single();
        TreeSet<Long> customers = new TreeSet<>(rows.stream().map(Row::customerId).toList());
        customers.forEach(this::lock);
        for (Row found : rows) {
            Row row = reload(found.id());
            if (row.kind() == PointsKind.EARNED) {
                takeBackTo(row, fully ? row.points() : share(row.points(), refundedSoFar, row.base()), refundId);
            } else {
                long spent = -row.points();
                giveBack(row, fully ? spent : share(spent, refundedSoFar, row.base()), refundId);
            }
        }
        customers.forEach(this::refresh);
    }

    /** A cancelled order gives back every point spent on it; once. */
    @Transactional
    public void orderCancelled(long orderId) {
        Optional<Row> spent = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_points_entry WHERE order_id = :o"
                        + " AND kind = 'SPENT'")
                .param("o", orderId).query((rs, i) -> row(rs)).optional();
        if (spent.isEmpty()) {
            return;
        }
        lock(spent.get().customerId());
        giveBack(spent.get(), -spent.get().points(), "cancelled");
        refresh(spent.get().customerId());
    }

    /** Gives back what is missing for {@code target} of the spend's points to be back in all. */
    private void giveBack(Row spend, long target, String refundId) {
        long back = jdbc.sql("""
                        SELECT COALESCE(SUM(points), 0) FROM loyalty_points_entry
                        WHERE source = :s AND source_key = :k AND kind = 'RETURNED'""")
                .param("s", spend.source()).param("k", spend.sourceKey()).query(Long.class).single();
        long share = Math.min(target, -spend.points()) - back;
        if (share > 0) {
            insert(new NewEntry(spend.customerId(), PointsKind.RETURNED, PointsState.AVAILABLE, share, spend.source(),
                    spend.sourceKey(), refundId, spend.id(), spend.orderId(), spend.orderNumber(), null, null, null));
        }
    }

    /** {@code points} × refunded / base, rounded down; never more than {@code points}. */
    static long share(long points, BigDecimal refunded, @Nullable BigDecimal base) {
        if (base == null || base.signum() <= 0) {
            return 0;
        }
        long share = BigDecimal.valueOf(points).multiply(refunded).divide(base, 0, RoundingMode.DOWN).longValueExact();
        return Math.min(share, points);
    }

    /** Thrown when an order wants more points than the customer has left (spent meanwhile by another order). */
    public static class NotEnoughPoints extends RuntimeException {
        NotEnoughPoints(long wanted, long available) {
            super("wanted " + wanted + " points, " + available + " available");
        }
    }

    /**
     * Spends points on an order, in the order's transaction, under the balance row lock: a second order that wants the
     * same points finds them gone. {@code paidGoods} is what the order's goods cost after every discount, the base
     * of a partial refund's share. Heard twice for one order, the second spends nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void spend(long customerId, long orderId, String orderNumber, long points, BigDecimal paidGoods) {
        spend(CHECKOUT, customerId, orderId, orderNumber, points, paidGoods);
    }

    /**
     * Spends points on a gift's order as {@link #spend} does (a cancel or refund gives them back the same way);
     * {@code goodsValue} is the gift's price, the base of a refund's share.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void spendOnGift(long customerId, long orderId, String orderNumber, long points, BigDecimal goodsValue) {
        spend(GIFT, customerId, orderId, orderNumber, points, goodsValue);
    }

    private void spend(String source, long customerId, long orderId, String orderNumber, long points, BigDecimal base) {
        long available = lock(customerId);
        if (points > available) {
            throw new NotEnoughPoints(points, available);
        }
        if (insert(new NewEntry(customerId, PointsKind.SPENT, PointsState.AVAILABLE, -points, source,
                Long.toString(orderId), "", null, orderId, orderNumber, base, null, null))) {
            refresh(customerId);
        }
    }

    /** Whether the order is a gift taken for points. */
    @Transactional(readOnly = true)
    public boolean isGiftOrder(long orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_points_entry WHERE order_id = :o AND source = :s AND kind = 'SPENT'")
                .param("o", orderId).param("s", GIFT).query(Long.class).single() > 0;
    }

    /**
     * Takes {@code points} for a voucher (key: the customer's form token), under the balance row lock; empty when the
     * customer has too few, or when this form was already sent (then the id of the first redemption).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Redemption redeem(long customerId, String token, long points) {
        String key = customerId + ":" + token;
        long available = lock(customerId);
        Optional<Long> before = jdbc.sql("SELECT id FROM loyalty_points_entry WHERE source = :s AND source_key = :k")
                .param("s", VOUCHER).param("k", key).query(Long.class).optional();
        if (before.isPresent()) {
            return new Redemption(Redemption.Outcome.ALREADY, before.get());
        }
        if (points > available) {
            return new Redemption(Redemption.Outcome.TOO_FEW, 0);
        }
        insert(new NewEntry(customerId, PointsKind.REDEEMED, PointsState.AVAILABLE, -points, VOUCHER, key, "", null, null,
                null, null, null, null));
        refresh(customerId);
        long id = jdbc.sql("SELECT id FROM loyalty_points_entry WHERE source = :s AND source_key = :k")
                .param("s", VOUCHER).param("k", key).query(Long.class).single();
        return new Redemption(Redemption.Outcome.REDEEMED, id);
    }

    /** What a redemption did, and its entry's id. */
    public record Redemption(Outcome outcome, long entryId) {
        public enum Outcome { REDEEMED, ALREADY, TOO_FEW }
    }

    // ---- the return window and expiry

    /**
     * Every FROZEN entry of one customer due at {@code now} becomes AVAILABLE (an earning and its reversals together,
     * having one unfreeze time); their balance follows.
     */
    @Transactional
    public int unfreezeDue(long customerId, Instant now) {
        lock(customerId);
        int moved = jdbc.sql("""
                UPDATE loyalty_points_entry SET state = 'AVAILABLE'
                WHERE customer_id = :c AND state = 'FROZEN' AND unfreezes_at <= :now""")
                .param("c", customerId).param("now", Timestamp.from(now)).update();
        if (moved > 0) {
            refresh(customerId);
        }
        return moved;
    }

    /** Customers with frozen points due at {@code now}, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Long> customersDueToUnfreeze(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT customer_id FROM loyalty_points_entry WHERE state = 'FROZEN' AND unfreezes_at <= :now
                        ORDER BY customer_id LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /** Customers holding available points, some earned with an expiry at or before {@code by}. */
    @Transactional(readOnly = true)
    public List<Long> customersWithPointsExpiringBy(Instant by) {
        return jdbc.sql("""
                        SELECT DISTINCT e.customer_id FROM loyalty_points_entry e
                        JOIN loyalty_points_balance b ON b.customer_id = e.customer_id
                        WHERE e.kind = 'EARNED' AND e.state = 'AVAILABLE' AND e.expires_at <= :by AND b.available > 0
                        ORDER BY e.customer_id""")
                .param("by", Timestamp.from(by)).query(Long.class).list();
    }

    /**
     * What of the customer's available points runs out by {@code by}, first in, first out: points spent, redeemed,
     * expired (less those given back) were taken from the oldest earnings first; an earning's own reversals and
     * clawbacks come off it. Also the first day one of them runs out.
     */
    Expiring expiringBy(long customerId, Instant by) {
        List<Row> earnings = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_points_entry WHERE customer_id = :c"
                        + " AND kind = 'EARNED' AND state = 'AVAILABLE' ORDER BY created_at, id")
                .param("c", customerId).query((rs, i) -> row(rs)).list();
        if (earnings.stream().noneMatch(e -> e.expiresAt() != null && !e.expiresAt().isAfter(by))) {
            return new Expiring(0, null);
        }
        java.util.Map<Long, Long> takenFrom = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT parent_id, SUM(points) AS taken FROM loyalty_points_entry
                        WHERE customer_id = :c AND kind IN ('REVERSAL', 'CLAWBACK') GROUP BY parent_id""")
                .param("c", customerId).query(rs -> {
                    takenFrom.put(rs.getLong("parent_id"), rs.getLong("taken"));
                });
        long consumed = jdbc.sql("""
                        SELECT COALESCE(-SUM(points), 0) FROM loyalty_points_entry
                        WHERE customer_id = :c AND state = 'AVAILABLE' AND kind IN ('SPENT', 'RETURNED', 'REDEEMED', 'EXPIRED')""")
                .param("c", customerId).query(Long.class).single();
        long due = 0;
        Instant first = null;
        for (Row earning : earnings) {
            long left = Math.max(0, earning.points() + takenFrom.getOrDefault(earning.id(), 0L));
            long used = Math.min(left, Math.max(consumed, 0));
            consumed -= used;
            left -= used;
            if (left > 0 && earning.expiresAt() != null && !earning.expiresAt().isAfter(by)) {
                due += left;
                if (first == null || earning.expiresAt().isBefore(first)) {
                    first = earning.expiresAt();
                }
            }
        }
        return new Expiring(due, first);
    }

    record Expiring(long points, @Nullable Instant firstOn) {
    }

    /** Expires the customer's points due at {@code now} (first in, first out); how many. */
    @Transactional
    public long expireDue(long customerId, Instant now) {
        long available = lock(customerId);
        long due = Math.min(expiringBy(customerId, now).points(), available);
        if (due <= 0) {
            return 0;
        }
        if (insert(new NewEntry(customerId, PointsKind.EXPIRED, PointsState.AVAILABLE, -due, EXPIRY,
                customerId + "@" + now, "", null, null, null, null, null, null))) {
            refresh(customerId);
            return due;
        }
        return 0;
    }

    /** Records that the customer is told about points expiring on {@code day}; false when told already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean noteExpiryNotice(long customerId, java.time.LocalDate day, long points) {
        return jdbc.sql("""
                        INSERT INTO loyalty_points_expiry_notice (customer_id, expires_on, points, noticed_at)
                        VALUES (:c, :d, :p, :at) ON CONFLICT DO NOTHING""")
                .param("c", customerId).param("d", day).param("p", points).param("at", Timestamp.from(clock.instant()))
                .update() > 0;
    }

    // ---- reading

    /** The customer's points now, with what runs out within a month ({@code soon}). */
    @Transactional(readOnly = true)
    public PointsBalance balanceOf(long customerId, Instant soon) {
        Optional<long[]> row = jdbc.sql("SELECT available, frozen FROM loyalty_points_balance WHERE customer_id = :c")
                .param("c", customerId).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        if (row.isEmpty()) {
            return PointsBalance.NONE;
        }
        long available = row.get()[0];
        Expiring expiring = available > 0 ? expiringBy(customerId, soon) : new Expiring(0, null);
        return new PointsBalance(available, row.get()[1], Math.min(expiring.points(), available), expiring.firstOn());
    }

    /** The customer's available points, one cheap read (0 for a customer who never had any). */
    @Transactional(readOnly = true)
    public long availableOf(long customerId) {
        return jdbc.sql("SELECT available FROM loyalty_points_balance WHERE customer_id = :c")
                .param("c", customerId).query(Long.class).optional().orElse(0L);
    }

    /** The customer's own entries, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<PointsEntry> historyOf(long customerId, int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_points_entry WHERE customer_id = :c"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("c", customerId).param("limit", limit).query((rs, i) -> row(rs)).list().stream()
                .map(r -> new PointsEntry(r.id(), r.kind(), r.state(), r.points(), r.source(), r.orderNumber(),
                        r.createdAt(), r.unfreezesAt(), r.expiresAt()))
                .toList();
    }

    /** Issued = spent + expired + reversed + outstanding, the last from the balance rows. */
    @Transactional(readOnly = true)
    public PointsReconciliation reconcile() {
        long[] sums = jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN kind = 'EARNED' THEN points ELSE 0 END), 0),
                            COALESCE(-SUM(CASE WHEN kind IN ('SPENT', 'RETURNED', 'REDEEMED') THEN points ELSE 0 END), 0),
                            COALESCE(-SUM(CASE WHEN kind = 'EXPIRED' THEN points ELSE 0 END), 0),
                            COALESCE(-SUM(CASE WHEN kind IN ('REVERSAL', 'CLAWBACK') THEN points ELSE 0 END), 0)
                        FROM loyalty_points_entry""")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        long outstanding = jdbc.sql("SELECT COALESCE(SUM(available + frozen), 0) FROM loyalty_points_balance")
                .query(Long.class).single();
        return new PointsReconciliation(sums[0], sums[1], sums[2], sums[3], outstanding);
    }

    // ---- rows

    private Optional<Row> earned(String source, String sourceKey) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_points_entry WHERE source = :s AND source_key = :k"
                        + " AND kind = 'EARNED'")
                .param("s", source).param("k", sourceKey).query((rs, i) -> row(rs)).optional();
    }

    private Row reload(long id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_points_entry WHERE id = :id")
                .param("id", id).query((rs, i) -> row(rs)).single();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long orderId = rs.getLong("order_id");
        Long order = rs.wasNull() ? null : orderId;
        return new Row(rs.getLong("id"), rs.getLong("customer_id"), PointsKind.valueOf(rs.getString("kind")),
                PointsState.valueOf(rs.getString("state")), rs.getLong("points"), rs.getString("source"),
                rs.getString("source_key"), order, rs.getString("order_number"), rs.getBigDecimal("base"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("unfreezes_at")),
                instant(rs.getTimestamp("expires_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

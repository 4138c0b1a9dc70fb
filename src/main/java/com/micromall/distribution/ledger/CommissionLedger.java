package com.micromall.distribution.ledger;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerVerified;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.DeliveryPostponedException;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits and takes back commission, as immutable ledger entries. Amounts are never updated;
 * only an entry's state moves, guarded by {@link LedgerState}, and every move is written to the
 * entry's timeline. The unique key (line, beneficiary, level, kind, refund reference) makes a
 * replayed or concurrently delivered event harmless: inserts use ON CONFLICT DO NOTHING.
 *
 * <p>Refunds: before the entry is AVAILABLE a negative REVERSAL entry takes the refunded share
 * (rounded down) and shares the entry's state; the refund that empties the line takes whatever
 * is left, so kept + reversed = original exactly, and then the entry and its reversals become
 * REVERSED. After the window a negative CLAWBACK entry lowers the available balance (which may
 * go negative).
 */
@Component
@RequiredArgsConstructor
class CommissionLedger {

    private static final Logger log = LoggerFactory.getLogger(CommissionLedger.class);

    private final JdbcClient jdbc;
    private final AbuseGuard abuseGuard;
    private final DistributionSettingsService settings;
    private final AuditLog auditLog;
    private final DistributorTotals totals;
    private final CustomerApi customers;
    private final Clock clock;

    record Snapshot(long orderId, String orderNumber, long buyerId, @Nullable Long level1, @Nullable Long level2,
                    BigDecimal level1Percent, BigDecimal level2Percent, int returnWindowDays, Currency currency,
                    @Nullable String shippingLine1, @Nullable String shippingPostal, String state) {
    }

    /** @param friendGift the part of the distributor's friend's share this line carries (level 1 gives it away) */
    record SnapshotLine(long lineId, long productId, int quantity, BigDecimal paidAmount,
                        @Nullable BigDecimal overridePercent, @Nullable BigDecimal overrideFixed, int refundedBefore,
                        BigDecimal friendGift) {

        SnapshotLine(long lineId, long productId, int quantity, BigDecimal paidAmount,
                     @Nullable BigDecimal overridePercent, @Nullable BigDecimal overrideFixed, int refundedBefore) {
            this(lineId, productId, quantity, paidAmount, overridePercent, overrideFixed, refundedBefore, BigDecimal.ZERO);
        }

        CommissionPolicy.LineTerms terms(Currency currency) {
            return new CommissionPolicy.LineTerms(quantity, Money.of(paidAmount, currency), overridePercent,
                    overrideFixed, Money.of(friendGift, currency));
        }

        /** What the line earns at {@code level}: its commission less the share of the units refunded before completion. */
        Money commission(Currency currency, int level, BigDecimal level1Percent, BigDecimal level2Percent) {
            Money full = CommissionPolicy.amount(terms(currency), level, level1Percent, level2Percent);
            return full.minus(CommissionPolicy.share(full, refundedBefore, quantity));
        }
    }

    record Entry(long id, long distributorId, long lineId, int level, String kind, int units, Money amount,
                 LedgerState state, Instant unfreezesAt) {
    }

    @ApplicationModuleListener
    void creditOnOrderCompleted(OrderCompleted event) {
        credit(event);
    }

    /** Credits the order's commission (synchronously, in its own transaction); safe to repeat. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void credit(OrderCompleted event) {
        Snapshot snapshot = lockedSnapshot(event.orderId())
                .orElseThrow(() -> noSnapshotYet(event.orderNumber(), "completed"));
        jdbc.sql("UPDATE commission_snapshot SET state = 'COMPLETED' WHERE order_id = :o AND state = 'PLACED'")
                .param("o", snapshot.orderId()).update();
        totals.syncExpected(snapshot.orderId());
        Instant unfreezesAt = event.completedAt().plus(Duration.ofDays(snapshot.returnWindowDays()));
        List<SnapshotLine> lines = lines(jdbc, snapshot.orderId());
        credit(snapshot, 1, snapshot.level1(), lines, unfreezesAt);
        credit(snapshot, 2, snapshot.level2(), lines, unfreezesAt);
    }

    private void credit(Snapshot snapshot, int level, @Nullable Long beneficiary, List<SnapshotLine> lines,
                        Instant unfreezesAt) {
        if (beneficiary == null) {
            return;
        }
        Set<HoldReason> found = abuseGuard.check(beneficiary, snapshot.buyerId(), snapshot.shippingLine1(),
                snapshot.shippingPostal());
        // An unverified buyer may be made up: the sharer's commission waits until the address is confirmed.
        Set<HoldReason> abuse = !found.isEmpty() || customers.isEmailVerified(snapshot.buyerId()) ? found
                : Set.of(HoldReason.UNVERIFIED_REFEREE);
        for (SnapshotLine line : lines) {
            int units = line.quantity() - line.refundedBefore();
            if (units <= 0) {
                continue;
            }
            Money amount = line.commission(snapshot.currency(), level, snapshot.level1Percent(), snapshot.level2Percent());
            if (!amount.isPositive()) {
                continue;
            }
            Set<HoldReason> holds = !abuse.isEmpty() ? abuse
                    : overBudget(amount) ? Set.of(HoldReason.BUDGET) : Set.of();
            String hold = holds.isEmpty() ? null : HoldReason.stored(holds);
            LedgerState state = hold == null ? LedgerState.FROZEN : LedgerState.ON_HOLD;
            Long id = insert(beneficiary, snapshot, line.lineId(), line.productId(), level, "COMMISSION", "", null,
                    units, rateNote(line, level, snapshot), amount, state, hold, unfreezesAt);
            if (id == null) {
                continue;
            }
            timeline(id, state, hold == null ? "order " + snapshot.orderNumber() + " completed"
                    : "held: " + hold);
            if (hold == null && !unfreezesAt.isAfter(clock.instant())) {
                // No return window (0 days), or credited after it ended: nothing to wait for, withdrawable now.
                moveGroup(id, LedgerState.FROZEN, LedgerState.AVAILABLE, "return window over");
            }
            if (holds.contains(HoldReason.BUDGET)) {
                log.warn("Monthly commission budget reached: entry {} ({}) for distributor {} is on hold",
                        id, amount, beneficiary);
                auditLog.record("system", "distribution.budgetExceeded", "commission_entry:" + id, null,
                        amount.toString());
            }
        }
    }

    private boolean overBudget(Money amount) {
        BigDecimal budget = settings.current().monthlyBudget();
        if (budget == null) {
            return false;
        }
        return creditedThisMonth().add(amount.amount()).compareTo(budget) > 0;
    }

    /** Commission credited (frozen or available) since the start of this calendar month (UTC): what the budget counts. */
    BigDecimal creditedThisMonth() {
        Instant monthStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1)
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                WHERE kind = 'COMMISSION' AND state IN ('FROZEN', 'AVAILABLE') AND created_at >= :start""")
                .param("start", Timestamp.from(monthStart)).query(BigDecimal.class).single();
    }

    private static String rateNote(SnapshotLine line, int level, Snapshot snapshot) {
        if ((line.overridePercent() != null && line.overridePercent().signum() == 0)
                || (line.overrideFixed() != null && line.overrideFixed().signum() == 0)) {
            return "none";
        }
        if (level == 2) {
            return snapshot.level2Percent().stripTrailingZeros().toPlainString() + "%";
        }
        if (line.overrideFixed() != null) {
            return line.overrideFixed().toPlainString() + "/unit";
        }
        BigDecimal percent = line.overridePercent() != null ? line.overridePercent() : snapshot.level1Percent();
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * A buyer who could not yet prove their address may be an invented friend: what their orders
     * earned waits until they verify, then goes on as if it had never been held.
     */
    @ApplicationModuleListener
    void releaseOnCustomerVerified(CustomerVerified event) {
        releaseUnverifiedHolds(event.customerId());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void releaseUnverifiedHolds(long buyerId) {
        List<Entry> held = jdbc.sql(ENTRY_SELECT + """
                 WHERE buyer_id = :buyer AND kind = 'COMMISSION' AND state = 'ON_HOLD' AND hold_reason = :reason
                ORDER BY id""")
                .param("buyer", buyerId).param("reason", HoldReason.UNVERIFIED_REFEREE.name())
                .query(this::entryRow).list();
        for (Entry entry : held) {
            LedgerState target = entry.unfreezesAt().isAfter(clock.instant()) ? LedgerState.FROZEN : LedgerState.AVAILABLE;
            moveGroup(entry.id(), LedgerState.ON_HOLD, target, "released: the buyer verified their e-mail address");
        }
    }

    @ApplicationModuleListener
    void takeBackOnOrderRefunded(OrderRefunded event) {
        takeBack(event);
    }

    /**
     * An order's events are heard in parallel, so a completion or refund right after the order was placed (the demo
     * shop does both) can come before the snapshot; the outbox delivers it again, and then the snapshot is there.
     */
    private static DeliveryPostponedException noSnapshotYet(String orderNumber, String what) {
        log.info("Order {} was {} before its commission snapshot was taken; the outbox delivers that again",
                orderNumber, what);
        return new DeliveryPostponedException("No commission snapshot yet for order " + orderNumber);
    }

    /** Reverses or claws back the refunded share (synchronously, in its own transaction); once per refund. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void takeBack(OrderRefunded event) {
        Snapshot snapshot = lockedSnapshot(event.orderId())
                .orElseThrow(() -> noSnapshotYet(event.orderNumber(), "refunded"));
        String ref = event.refundedAt().toString();
        int first = jdbc.sql("INSERT INTO commission_refund_handled (order_id, refund_ref) VALUES (:o, :r) ON CONFLICT DO NOTHING")
                .param("o", event.orderId()).param("r", ref).update();
        if (first == 0) {
            return;
        }
        if (!snapshot.state().equals("COMPLETED")) {
            for (RefundedLine line : event.lines()) {
                jdbc.sql("""
                        UPDATE commission_snapshot_line SET refunded_before_completion = refunded_before_completion + :q
                        WHERE line_id = :line""").param("q", line.quantity()).param("line", line.lineId()).update();
            }
            if (event.fullyRefunded()) {
                jdbc.sql("UPDATE commission_snapshot SET state = 'REFUNDED' WHERE order_id = :o AND state = 'PLACED'")
                        .param("o", event.orderId()).update();
            }
            totals.syncExpected(event.orderId());
            return;
        }
        for (RefundedLine line : event.lines()) {
            for (Entry entry : commissionsOfLine(line.lineId())) {
                takeBack(snapshot, entry, line.quantity(), ref);
            }
        }
    }

    private void takeBack(Snapshot snapshot, Entry entry, int refundedUnits, String ref) {
        if (entry.state() == LedgerState.REVERSED || entry.state() == LedgerState.VOID) {
            return;
        }
        List<Entry> earlier = children(entry.id());
        int unitsBefore = earlier.stream().mapToInt(Entry::units).sum();
        int units = Math.min(refundedUnits, entry.units() - unitsBefore);
        if (units <= 0) {
            return;
        }
        Money takenBefore = earlier.stream().map(Entry::amount).reduce(Money.zero(snapshot.currency()), Money::plus).negate();
        boolean last = unitsBefore + units == entry.units();
        Money share = CommissionPolicy.refundShare(entry.amount(), entry.units(), unitsBefore, takenBefore, units);
        boolean afterWindow = entry.state() == LedgerState.AVAILABLE;
        String kind = afterWindow ? "CLAWBACK" : "REVERSAL";
        Long id = insert(entry.distributorId(), snapshot, entry.lineId(), productOf(entry.id()), entry.level(), kind, ref,
                entry.id(), units, "share " + units + "/" + entry.units(), share.negate(), entry.state(), null,
                entry.unfreezesAt());
        if (id == null) {
            return;
        }
        String note = kind.toLowerCase() + " of " + units + " of " + entry.units() + " units: " + share.negate();
        timeline(id, entry.state(), note);
        if (last && !afterWindow) {
            entry.state().requireMoveTo(LedgerState.REVERSED);
            moveGroup(entry.id(), entry.state(), LedgerState.REVERSED, "order refunded");
        } else {
            timeline(entry.id(), entry.state(), note);
        }
    }

    /**
     * Moves an entry and its reversals from one state to another, with a timeline line each. The rows are
     * locked first, so the totals move by exactly the amounts of the rows that moved.
     */
    int moveGroup(long entryId, LedgerState from, LedgerState to, String note) {
        List<MovedRow> rows = jdbc.sql("""
                SELECT id, distributor_id, kind, amount, created_at FROM commission_entry
                WHERE (id = :id OR parent_id = :id) AND state = :from FOR UPDATE""")
                .param("id", entryId).param("from", from.name())
                .query((rs, i) -> new MovedRow(rs.getLong("id"), rs.getLong("distributor_id"), rs.getString("kind"),
                        rs.getBigDecimal("amount"), rs.getTimestamp("created_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> ids = rows.stream().map(MovedRow::id).toList();
        jdbc.sql("""
                INSERT INTO commission_entry_event (entry_id, state, occurred_at, note)
                SELECT id, :to, :at, :note FROM commission_entry WHERE id IN (:ids)""")
                .param("to", to.name()).param("at", Timestamp.from(clock.instant())).param("note", note)
                .param("ids", ids).update();
        int moved = jdbc.sql("UPDATE commission_entry SET state = :to WHERE id IN (:ids)")
                .param("to", to.name()).param("ids", ids).update();
        rows.stream().collect(Collectors.groupingBy(MovedRow::distributorId,
                        Collectors.reducing(BigDecimal.ZERO, MovedRow::amount, BigDecimal::add)))
                .forEach((distributor, amount) -> totals.moved(distributor, from, to, amount));
        if (to == LedgerState.VOID) {
            rows.stream().filter(row -> "COMMISSION".equals(row.kind()))
                    .forEach(row -> totals.commissionCredited(row.distributorId(), row.createdAt(), row.amount().negate()));
        }
        return moved;
    }

    private record MovedRow(long id, long distributorId, String kind, BigDecimal amount, Instant createdAt) {
    }

    private @Nullable Long insert(long distributor, Snapshot snapshot, long lineId, long productId, int level, String kind,
                                  String ref, @Nullable Long parent, int units, String rateNote, Money amount,
                                  LedgerState state, @Nullable String hold, Instant unfreezesAt) {
        Instant created = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, refund_ref, parent_id, units, rate_note, amount, currency, state, hold_reason, unfreezes_at, created_at)
                VALUES (:d, :buyer, :order, :number, :line, :product, :level, :kind, :ref, :parent, :units, :rate, :amount,
                    :currency, :state, :hold, :unfreezes, :created)
                ON CONFLICT DO NOTHING""")
                .param("d", distributor).param("buyer", snapshot.buyerId()).param("order", snapshot.orderId())
                .param("number", snapshot.orderNumber()).param("line", lineId).param("product", productId)
                .param("level", level).param("kind", kind).param("ref", ref)
                .param("parent", parent, java.sql.Types.BIGINT).param("units", units).param("rate", rateNote)
                .param("amount", amount.amount()).param("currency", amount.currency().getCurrencyCode())
                .param("state", state.name()).param("hold", hold, java.sql.Types.VARCHAR)
                .param("unfreezes", Timestamp.from(unfreezesAt)).param("created", Timestamp.from(created))
                .update();
        if (inserted == 0) {
            return null;
        }
        totals.entryAdded(distributor, kind, state, amount.amount());
        if ("COMMISSION".equals(kind)) {
            totals.commissionCredited(distributor, created, amount.amount());
        }
        return jdbc.sql("""
                SELECT id FROM commission_entry
                WHERE line_id = :line AND distributor_id = :d AND level = :level AND kind = :kind AND refund_ref = :ref""")
                .param("line", lineId).param("d", distributor).param("level", level).param("kind", kind).param("ref", ref)
                .query(Long.class).single();
    }

    void timeline(long entryId, LedgerState state, String note) {
        jdbc.sql("INSERT INTO commission_entry_event (entry_id, state, occurred_at, note) VALUES (:id, :s, :at, :note)")
                .param("id", entryId).param("s", state.name()).param("at", Timestamp.from(clock.instant()))
                .param("note", note).update();
    }

    Optional<Entry> entry(long id) {
        return jdbc.sql(ENTRY_SELECT + " WHERE id = :id").param("id", id).query(this::entryRow).optional();
    }

    private List<Entry> commissionsOfLine(long lineId) {
        return jdbc.sql(ENTRY_SELECT + " WHERE line_id = :line AND kind = 'COMMISSION' ORDER BY id FOR UPDATE")
                .param("line", lineId).query(this::entryRow).list();
    }

    private List<Entry> children(long parentId) {
        return jdbc.sql(ENTRY_SELECT + " WHERE parent_id = :p ORDER BY id").param("p", parentId).query(this::entryRow).list();
    }

    private long productOf(long entryId) {
        return jdbc.sql("SELECT product_id FROM commission_entry WHERE id = :id").param("id", entryId)
                .query(Long.class).single();
    }

    private static final String ENTRY_SELECT = """
            SELECT id, distributor_id, line_id, level, kind, units, amount, currency, state, unfreezes_at
            FROM commission_entry""";

    private Entry entryRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("distributor_id"), rs.getLong("line_id"), rs.getInt("level"),
                rs.getString("kind"), rs.getInt("units"),
                Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                LedgerState.valueOf(rs.getString("state")), rs.getTimestamp("unfreezes_at").toInstant());
    }

    Optional<Snapshot> snapshot(long orderId) {
        return snapshot(orderId, "");
    }

    /**
     * The snapshot, its row locked first: crediting and taking back serialise on it, so a refund committed while
     * the order is being credited is either seen in the lines credit reads or finds the order COMPLETED and its
     * entries written - never lost in between.
     */
    private Optional<Snapshot> lockedSnapshot(long orderId) {
        return snapshot(orderId, " FOR UPDATE");
    }

    private Optional<Snapshot> snapshot(long orderId, String lock) {
        return jdbc.sql("""
                SELECT order_id, order_number, buyer_id, level1_id, level2_id, level1_percent, level2_percent,
                    return_window_days, currency, shipping_line1, shipping_postal, state
                FROM commission_snapshot WHERE order_id = :o""" + lock)
                .param("o", orderId)
                .query((rs, i) -> new Snapshot(rs.getLong("order_id"), rs.getString("order_number"), rs.getLong("buyer_id"),
                        (Long) rs.getObject("level1_id", Long.class), rs.getObject("level2_id", Long.class),
                        rs.getBigDecimal("level1_percent"), rs.getBigDecimal("level2_percent"),
                        rs.getInt("return_window_days"), Currency.getInstance(rs.getString("currency")),
                        rs.getString("shipping_line1"), rs.getString("shipping_postal"), rs.getString("state")))
                .optional();
    }

    /** The order's snapshot lines (CommissionLedger, DistributorTotals and the V50 migration read them alike). */
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
}

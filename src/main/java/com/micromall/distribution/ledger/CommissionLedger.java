package com.micromall.distribution.ledger;

import com.micromall.distribution.abuse.AbuseGuard;
import com.micromall.distribution.policy.CommissionPolicy;
import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.policy.OrderTerms;
import com.micromall.distribution.policy.OrderTerms.Snapshot;
import com.micromall.distribution.policy.OrderTerms.SnapshotLine;
import com.micromall.distribution.CommissionClawedBack;
import com.micromall.distribution.CommissionReversed;
import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.CommissionVoided;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.RewardForms;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerVerified;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.DeliveryPostponedException;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits and takes back commission, as immutable ledger entries: loads a {@link CommissionEntry}, asks it for a
 * transition (which it refuses when illegal), and saves what changed - states, timeline lines and the distributor's
 * account ({@link DistributorAccounts}) - in one transaction. Amounts are never updated. The unique key (line,
 * beneficiary, level, kind, refund reference) makes a replayed or concurrently delivered event harmless: inserts use
 * ON CONFLICT DO NOTHING.
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

    /**
     * The level of a staff member's own commission on an order they are attributed to. Being an ordinary COMMISSION
     * entry, it freezes, unfreezes, reverses and is clawed back exactly like a sharer's.
     */
    static final int STAFF_LEVEL = 0;

    private final JdbcClient jdbc;
    private final AbuseGuard abuseGuard;
    private final DistributionSettingsService settings;
    private final AuditLog auditLog;
    private final DistributorAccounts accounts;
    private final CustomerApi customers;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ShopTime shopTime;
    private final DistributorTiers tiers;
    private final DistributorChoices choices;
    private final RewardForms rewardForms;
    private final OrderTerms orderTerms;

    @ApplicationModuleListener
    void creditOnOrderCompleted(OrderCompleted event) {
        credit(event);
    }

    /** Credits the order's commission (synchronously, in its own transaction); safe to repeat. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void credit(OrderCompleted event) {
        // The order's terms stay locked until its entries are written (see OrderTerms.lockedForBooking).
        Snapshot snapshot = orderTerms.lockedForBooking(event.orderId())
                .orElseThrow(() -> noSnapshotYet(event.orderNumber(), "completed"));
        orderTerms.completed(snapshot.orderId());
        Instant unfreezesAt = event.completedAt().plus(Duration.ofDays(snapshot.returnWindowDays()));
        // One instant for every entry of the order, the one its facts announce: reporting counts them in its hour.
        Instant creditedAt = clock.instant();
        List<SnapshotLine> lines = orderTerms.lines(snapshot.orderId());
        credit(snapshot, 1, snapshot.level1(), lines, unfreezesAt, creditedAt);
        credit(snapshot, 2, snapshot.level2(), lines, unfreezesAt, creditedAt);
        creditStaff(snapshot, lines, unfreezesAt, creditedAt);
        if (snapshot.level1() != null) {
            Money goods = Money.zero(snapshot.currency());
            for (SnapshotLine line : lines) {
                Money paid = Money.of(line.paidAmount(), snapshot.currency());
                goods = goods.plus(paid.minus(CommissionPolicy.share(paid, line.refundedBefore(), line.quantity())));
            }
            tiers.orderCompleted(snapshot.level1(), snapshot.orderId(), snapshot.buyerId(), event.completedAt(),
                    goods.amount());
        }
    }

    /**
     * The staff member's percent of what was paid for each line's goods (rounded down, less the share of units refunded
     * before completion), frozen for the return window like any commission. No abuse checks or budget: those guard
     * against made-up referrals, and the shop pays its staff with their wages, not by withdrawal.
     */
    private void creditStaff(Snapshot snapshot, List<SnapshotLine> lines, Instant unfreezesAt, Instant creditedAt) {
        Long staff = snapshot.staffAccount();
        BigDecimal percent = snapshot.staffPercent();
        if (staff == null || percent == null || percent.signum() <= 0) {
            return;
        }
        for (SnapshotLine line : lines) {
            int units = line.quantity() - line.refundedBefore();
            if (units <= 0) {
                continue;
            }
            Money full = Money.of(line.paidAmount(), snapshot.currency()).percent(percent, java.math.RoundingMode.DOWN);
            Money amount = full.minus(CommissionPolicy.share(full, line.refundedBefore(), line.quantity()));
            if (!amount.isPositive()) {
                continue;
            }
            Long id = insert(staff, snapshot, line.lineId(), line.productId(), STAFF_LEVEL, RewardForm.CASH,
                    EntryKind.COMMISSION, "", null, units, "staff " + percent.stripTrailingZeros().toPlainString() + "%", amount,
                    LedgerState.FROZEN, null, unfreezesAt, creditedAt);
            if (id == null) {
                continue;
            }
            timeline(id, LedgerState.FROZEN, "order " + snapshot.orderNumber() + " completed");
            if (!unfreezesAt.isAfter(clock.instant())) {
                CommissionEntry entry = load(id).orElseThrow();
                entry.unfreeze(clock.instant());
                save(entry);
            }
        }
    }

    private void credit(Snapshot snapshot, int level, @Nullable Long beneficiary, List<SnapshotLine> lines,
                        Instant unfreezesAt, Instant creditedAt) {
        if (beneficiary == null) {
            return;
        }
        Set<HoldReason> found = HoldReason.of(abuseGuard.check(beneficiary, snapshot.buyerId(),
                snapshot.shippingLine1(), snapshot.shippingPostal()));
        // An unverified buyer may be made up: the sharer's commission waits until the address is confirmed.
        Set<HoldReason> abuse = !found.isEmpty() || customers.isEmailVerified(snapshot.buyerId()) ? found
                : Set.of(HoldReason.UNVERIFIED_REFEREE);
        // The form in force now is the entries' for good: a later switch changes only what is credited after it.
        RewardForms.Rules rules = rewardForms.current();
        RewardForm form = rules.inForce(choices.of(beneficiary).map(DistributorChoices.Choices::rewardForm)
                .orElse(RewardForm.CASH));
        Money credited = Money.zero(snapshot.currency());
        Money held = Money.zero(snapshot.currency());
        Money availableNow = Money.zero(snapshot.currency());
        List<Long> entryIds = new ArrayList<>();
        List<CommissionAvailable.Entry> availableEntries = new ArrayList<>();
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
            Long id = insert(beneficiary, snapshot, line.lineId(), line.productId(), level, form, EntryKind.COMMISSION, "",
                    null, units, rateNote(line, level, snapshot), amount, state, hold, unfreezesAt, creditedAt);
            if (id == null) {
                continue;
            }
            entryIds.add(id);
            if (hold == null) {
                credited = credited.plus(amount);
            } else {
                held = held.plus(amount);
            }
            timeline(id, state, hold == null ? "order " + snapshot.orderNumber() + " completed"
                    : "held: " + hold);
            if (hold == null && !unfreezesAt.isAfter(clock.instant())) {
                // No return window (0 days), or credited after it ended: nothing to wait for, withdrawable now.
                CommissionEntry entry = load(id).orElseThrow();
                entry.unfreeze(clock.instant());
                save(entry);
                availableNow = availableNow.plus(amount);
                availableEntries.add(new CommissionAvailable.Entry(id, amount));
            }
            if (holds.contains(HoldReason.BUDGET)) {
                log.warn("Monthly commission budget reached: entry {} ({}) for distributor {} is on hold",
                        id, amount, beneficiary);
                auditLog.record("system", "distribution.budgetExceeded", "commission_entry:" + id, null,
                        amount.toString());
            }
        }
        // One fact per order, beneficiary and level (not per line): what the sharer hears is what the order earned.
        if (!entryIds.isEmpty()) {
            events.publishEvent(new CommissionCredited(beneficiary, snapshot.orderId(), snapshot.orderNumber(), level,
                    credited, held, unfreezesAt, creditedAt, List.copyOf(entryIds), form,
                    form == RewardForm.POINTS ? rules.pointsBonusPercent() : BigDecimal.ZERO));
            if (availableNow.isPositive()) {
                events.publishEvent(new CommissionAvailable(beneficiary, availableNow, availableEntries.size(),
                        List.of(snapshot.orderNumber()), clock.instant(), form,
                        form == RewardForm.POINTS ? List.copyOf(availableEntries) : List.of()));
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

    /** Commission credited (frozen or available) in the shop's current calendar month: what the budget counts. */
    BigDecimal creditedThisMonth() {
        return creditedIn(shopTime.currentMonth());
    }

    /** Commission credited (frozen or available) in {@code month} of the shop's calendar, in the shop's time zone. */
    BigDecimal creditedIn(YearMonth month) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                WHERE kind = 'COMMISSION' AND level > 0 AND state IN ('FROZEN', 'AVAILABLE')
                    AND created_at >= :start AND created_at < :end""")
                .param("start", Timestamp.from(shopTime.monthStart(month)))
                .param("end", Timestamp.from(shopTime.monthEnd(month))).query(BigDecimal.class).single();
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
        List<Long> held = jdbc.sql("""
                SELECT id FROM commission_entry
                WHERE buyer_id = :buyer AND kind = :commission AND state = :held AND hold_reason = :reason ORDER BY id""")
                .param("buyer", buyerId).param("commission", EntryKind.COMMISSION.name())
                .param("held", LedgerState.ON_HOLD.name()).param("reason", HoldReason.UNVERIFIED_REFEREE.name())
                .query(Long.class).list();
        for (Long id : held) {
            CommissionEntry entry = load(id).orElseThrow();
            entry.release(clock.instant(), "released: the buyer verified their e-mail address");
            save(entry);
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
        Snapshot snapshot = orderTerms.lockedForBooking(event.orderId())
                .orElseThrow(() -> noSnapshotYet(event.orderNumber(), "refunded"));
        String ref = refundRef(event);
        int first = jdbc.sql("INSERT INTO commission_refund_handled (order_id, refund_ref) VALUES (:o, :r) ON CONFLICT DO NOTHING")
                .param("o", event.orderId()).param("r", ref).update();
        if (first == 0 || handledBefore(event)) {
            return;
        }
        if (!snapshot.completed()) {
            // Nothing credited yet: the refunded units will earn nothing when the order completes.
            orderTerms.refundedBeforeCompletion(event.orderId(), event.lines(), event.fullyRefunded());
            return;
        }
        for (RefundedLine line : event.lines()) {
            for (CommissionEntry entry : commissionsOfLine(line.lineId())) {
                takeBack(snapshot, entry, line.quantity(), ref);
            }
        }
        tiers.orderRefunded(snapshot.orderId(), event.lines().stream().map(line -> line.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * Which refund of the order this is, the same however often its event is heard: when it was made and which units
     * of which lines it took back. Two refunds of one line are two facts (they differ in time or in what they took);
     * a redelivered event is the same fact. It is the refund reference of the entries' unique key.
     */
    static String refundRef(OrderRefunded event) {
        String taken = event.lines().stream().sorted(Comparator.comparingLong(RefundedLine::lineId))
                .map(line -> line.lineId() + "x" + line.quantity()).collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(taken.getBytes(StandardCharsets.UTF_8));
            return event.refundedAt() + "#" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Refunds handled before their reference said what they took were recorded by their time alone. */
    private boolean handledBefore(OrderRefunded event) {
        return jdbc.sql("SELECT COUNT(*) FROM commission_refund_handled WHERE order_id = :o AND refund_ref = :r")
                .param("o", event.orderId()).param("r", event.refundedAt().toString()).query(Long.class).single() > 0;
    }

    private void takeBack(Snapshot snapshot, CommissionEntry entry, int refundedUnits, String ref) {
        Optional<CommissionEntry.Refund> refund = entry.reverse(refundedUnits);
        if (refund.isEmpty()) {
            return;
        }
        CommissionEntry.Refund r = refund.get();
        Long id = insert(entry.distributorId(), snapshot, entry.lineId(), entry.productId(), entry.level(),
                entry.rewardForm(), r.kind(), ref, entry.id(), r.units(), "share " + r.units() + "/" + entry.units(), r.amount(), r.state(), null,
                entry.unfreezesAt(), clock.instant());
        if (id == null) {
            return;
        }
        timeline(id, r.state(), r.note());
        Money taken = r.amount().negate();
        if (entry.level() == STAFF_LEVEL) {
            // The sharers' facts (mails, figures) are about referral earnings; staff are paid with their wages.
            save(entry);
            return;
        }
        events.publishEvent(r.kind() == EntryKind.CLAWBACK
                ? new CommissionClawedBack(id, entry.id(), entry.distributorId(), snapshot.orderId(),
                        snapshot.orderNumber(), entry.level(), taken, ref, clock.instant(), entry.rewardForm())
                : new CommissionReversed(id, entry.id(), entry.distributorId(), snapshot.orderId(),
                        snapshot.orderNumber(), entry.level(), taken, ref, clock.instant(), entry.rewardForm()));
        save(entry);
    }

    /**
     * The commission entry {@code id} with what was taken back from it, its rows locked until the transaction ends:
     * the one way the ledger loads an entry to ask it for a transition. Empty when there is no such commission.
     */
    Optional<CommissionEntry> load(long id) {
        Optional<CommissionEntry> entry = jdbc.sql("""
                SELECT id, distributor_id, line_id, product_id, level, reward_form, units, amount, currency, state,
                    unfreezes_at
                FROM commission_entry WHERE id = :id AND kind = :commission FOR UPDATE""")
                .param("id", id).param("commission", EntryKind.COMMISSION.name())
                .query((rs, i) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new CommissionEntry(rs.getLong("id"), rs.getLong("distributor_id"), rs.getLong("line_id"),
                            rs.getLong("product_id"), rs.getInt("level"), RewardForm.valueOf(rs.getString("reward_form")),
                            rs.getInt("units"),
                            Money.of(rs.getBigDecimal("amount"), currency), LedgerState.valueOf(rs.getString("state")),
                            rs.getTimestamp("unfreezes_at").toInstant(), takenBack(id, currency));
                })
                .optional();
        return entry;
    }

    private List<CommissionEntry.TakenBack> takenBack(long parentId, Currency currency) {
        return jdbc.sql("SELECT id, kind, units, amount FROM commission_entry WHERE parent_id = :p ORDER BY id FOR UPDATE")
                .param("p", parentId)
                .query((rs, i) -> new CommissionEntry.TakenBack(rs.getLong("id"), EntryKind.valueOf(rs.getString("kind")),
                        rs.getInt("units"), Money.of(rs.getBigDecimal("amount"), currency)))
                .list();
    }

    /** Writes what the entry's transitions changed: its states and its reversals', timeline lines, the account. */
    void save(CommissionEntry entry) {
        for (CommissionEntry.Change change : entry.changes()) {
            if (change.from() == change.to()) {
                timeline(entry.id(), change.to(), change.note());
            } else {
                moveGroup(entry.id(), change.from(), change.to(), change.note());
            }
        }
        entry.saved();
    }

    /**
     * Moves an entry and its reversals from one state to another, with a timeline line each. The rows are
     * locked first, so the totals move by exactly the amounts of the rows that moved.
     */
    private int moveGroup(long entryId, LedgerState from, LedgerState to, String note) {
        List<MovedRow> rows = jdbc.sql("""
                SELECT id, distributor_id, level, reward_form, kind, amount, currency, order_id, order_number, created_at
                FROM commission_entry WHERE (id = :id OR parent_id = :id) AND state = :from FOR UPDATE""")
                .param("id", entryId).param("from", from.name())
                .query((rs, i) -> new MovedRow(rs.getLong("id"), rs.getLong("distributor_id"), rs.getInt("level"),
                        RewardForm.valueOf(rs.getString("reward_form")), rs.getString("kind"), rs.getBigDecimal("amount"),
                        rs.getString("currency"), rs.getLong("order_id"), rs.getString("order_number"),
                        rs.getTimestamp("created_at").toInstant()))
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
        MovedRow first = rows.get(0);
        if (first.level() == STAFF_LEVEL) {
            return moved;
        }
        if (CommissionEntry.inAccount(first.level(), first.rewardForm())) {
            rows.stream().collect(Collectors.groupingBy(MovedRow::distributorId,
                            Collectors.reducing(BigDecimal.ZERO, MovedRow::amount, BigDecimal::add)))
                    .forEach((distributor, amount) -> accounts.moved(distributor, from, to, amount));
        }
        if (to == LedgerState.VOID) {
            rows.stream().filter(row -> EntryKind.COMMISSION.name().equals(row.kind()))
                    .forEach(row -> events.publishEvent(new CommissionVoided(row.id(), row.distributorId(), row.orderId(),
                            row.orderNumber(), row.level(), Money.of(row.amount(), Currency.getInstance(row.currency())),
                            row.createdAt(), clock.instant(), row.rewardForm())));
        }
        if (from == LedgerState.ON_HOLD && to == LedgerState.AVAILABLE) {
            // A released hold whose window is already over: withdrawable from now on, like a settled entry.
            BigDecimal amount = rows.stream().map(MovedRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Money available = Money.of(amount, Currency.getInstance(first.currency()));
            events.publishEvent(new CommissionAvailable(first.distributorId(), available, rows.size(),
                    List.of(first.orderNumber()), clock.instant(), first.rewardForm(),
                    first.rewardForm() == RewardForm.POINTS ? List.of(new CommissionAvailable.Entry(entryId, available))
                            : List.of()));
        }
        return moved;
    }

    private record MovedRow(long id, long distributorId, int level, RewardForm rewardForm, String kind,
                            BigDecimal amount, String currency, long orderId, String orderNumber, Instant createdAt) {
    }

    private @Nullable Long insert(long distributor, Snapshot snapshot, long lineId, long productId, int level,
                                  RewardForm form, EntryKind kind, String ref, @Nullable Long parent, int units, String rateNote, Money amount,
                                  LedgerState state, @Nullable String hold, Instant unfreezesAt, Instant created) {
        int inserted = jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    reward_form, kind, refund_ref, parent_id, units, rate_note, amount, currency, state, hold_reason,
                    unfreezes_at, created_at)
                VALUES (:d, :buyer, :order, :number, :line, :product, :level, :form, :kind, :ref, :parent, :units, :rate,
                    :amount, :currency, :state, :hold, :unfreezes, :created)
                ON CONFLICT DO NOTHING""")
                .param("d", distributor).param("buyer", snapshot.buyerId()).param("order", snapshot.orderId())
                .param("number", snapshot.orderNumber()).param("line", lineId).param("product", productId)
                .param("level", level).param("form", form.name()).param("kind", kind.name()).param("ref", ref)
                .param("parent", parent, java.sql.Types.BIGINT).param("units", units).param("rate", rateNote)
                .param("amount", amount.amount()).param("currency", amount.currency().getCurrencyCode())
                .param("state", state.name()).param("hold", hold, java.sql.Types.VARCHAR)
                .param("unfreezes", Timestamp.from(unfreezesAt)).param("created", Timestamp.from(created))
                .update();
        if (inserted == 0) {
            return null;
        }
        if (CommissionEntry.inAccount(level, form)) {
            // Staff commission is paid with wages and POINTS commission as points: neither joins a sharer's cash.
            accounts.entryAdded(distributor, kind, state, amount.amount());
        }
        return jdbc.sql("""
                SELECT id FROM commission_entry
                WHERE line_id = :line AND distributor_id = :d AND level = :level AND kind = :kind AND refund_ref = :ref""")
                .param("line", lineId).param("d", distributor).param("level", level).param("kind", kind.name())
                .param("ref", ref).query(Long.class).single();
    }

    void timeline(long entryId, LedgerState state, String note) {
        jdbc.sql("INSERT INTO commission_entry_event (entry_id, state, occurred_at, note) VALUES (:id, :s, :at, :note)")
                .param("id", entryId).param("s", state.name()).param("at", Timestamp.from(clock.instant()))
                .param("note", note).update();
    }

    private List<CommissionEntry> commissionsOfLine(long lineId) {
        return jdbc.sql("SELECT id FROM commission_entry WHERE line_id = :line AND kind = :commission ORDER BY id")
                .param("line", lineId).param("commission", EntryKind.COMMISSION.name()).query(Long.class).list()
                .stream().map(id -> load(id).orElseThrow()).toList();
    }
}

package com.micromall.distribution.crediting;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerVerified;
import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionClawedBack;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.CommissionReversed;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.abuse.AbuseGuard;
import com.micromall.distribution.abuse.AbuseSignal;
import com.micromall.distribution.ledger.CommissionEntry;
import com.micromall.distribution.ledger.EntryBook;
import com.micromall.distribution.ledger.EntryBook.NewEntry;
import com.micromall.distribution.ledger.EntryKind;
import com.micromall.distribution.ledger.HoldReason;
import com.micromall.distribution.ledger.LedgerState;
import com.micromall.distribution.policy.CommissionPolicy;
import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.policy.OrderTerms;
import com.micromall.distribution.policy.OrderTerms.Snapshot;
import com.micromall.distribution.policy.OrderTerms.SnapshotLine;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.RewardForms;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.DeliveryPostponedException;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
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
 * Books commission when an order completes and takes its share back when an order is refunded, each in a transaction
 * of its own that first locks the order's terms ({@link OrderTerms#lockedForBooking}) and then the entries, so a
 * completion and a refund of one order never book past each other. A replayed or concurrently delivered event is
 * harmless: the books ignore an entry booked already, and a refund is recorded once before anything is taken back.
 *
 * <p>Refunds: before the entry is AVAILABLE a negative REVERSAL entry takes the refunded share
 * (rounded down) and shares the entry's state; the refund that empties the line takes whatever
 * is left, so kept + reversed = original exactly, and then the entry and its reversals become
 * REVERSED. After the window a negative CLAWBACK entry lowers the available balance (which may
 * go negative).
 */
@Component
@RequiredArgsConstructor
class CommissionCrediting {

    private static final Logger log = LoggerFactory.getLogger(CommissionCrediting.class);

    private final JdbcClient jdbc;
    private final EntryBook book;
    private final AbuseGuard abuseGuard;
    private final DistributionSettingsService settings;
    private final AuditLog auditLog;
    private final CustomerApi customers;
    private final Clock clock;
    private final ApplicationEventPublisher events;
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
            Long id = book.insert(new NewEntry(staff, snapshot.buyerId(), snapshot.orderId(), snapshot.orderNumber(),
                    line.lineId(), line.productId(), EntryBook.STAFF_LEVEL, RewardForm.CASH, EntryKind.COMMISSION, "", null,
                    units, "staff " + percent.stripTrailingZeros().toPlainString() + "%", amount, LedgerState.FROZEN, null,
                    unfreezesAt, creditedAt));
            if (id == null) {
                continue;
            }
            book.timeline(id, LedgerState.FROZEN, "order " + snapshot.orderNumber() + " completed");
            if (!unfreezesAt.isAfter(clock.instant())) {
                CommissionEntry entry = book.load(id).orElseThrow();
                entry.unfreeze(clock.instant());
                book.save(entry);
            }
        }
    }

    private void credit(Snapshot snapshot, int level, @Nullable Long beneficiary, List<SnapshotLine> lines,
                        Instant unfreezesAt, Instant creditedAt) {
        if (beneficiary == null) {
            return;
        }
        Set<HoldReason> found = holdReasons(abuseGuard.check(beneficiary, snapshot.buyerId(),
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
            Long id = book.insert(new NewEntry(beneficiary, snapshot.buyerId(), snapshot.orderId(), snapshot.orderNumber(),
                    line.lineId(), line.productId(), level, form, EntryKind.COMMISSION, "", null, units,
                    rateNote(line, level, snapshot), amount, state, hold, unfreezesAt, creditedAt));
            if (id == null) {
                continue;
            }
            entryIds.add(id);
            if (hold == null) {
                credited = credited.plus(amount);
            } else {
                held = held.plus(amount);
            }
            book.timeline(id, state, hold == null ? "order " + snapshot.orderNumber() + " completed"
                    : "held: " + hold);
            if (hold == null && !unfreezesAt.isAfter(clock.instant())) {
                // No return window (0 days), or credited after it ended: nothing to wait for, withdrawable now.
                CommissionEntry entry = book.load(id).orElseThrow();
                entry.unfreeze(clock.instant());
                book.save(entry);
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
        return book.creditedThisMonth().add(amount.amount()).compareTo(budget) > 0;
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
        List<Long> held = book.heldForUnverifiedBuyer(buyerId);
        for (Long id : held) {
            CommissionEntry entry = book.load(id).orElseThrow();
            entry.release(clock.instant(), "released: the buyer verified their e-mail address");
            book.save(entry);
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
            for (CommissionEntry entry : book.commissionsOfLine(line.lineId())) {
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
        Long id = book.insert(new NewEntry(entry.distributorId(), snapshot.buyerId(), snapshot.orderId(),
                snapshot.orderNumber(), entry.lineId(), entry.productId(), entry.level(), entry.rewardForm(), r.kind(), ref,
                entry.id(), r.units(), "share " + r.units() + "/" + entry.units(), r.amount(), r.state(), null,
                entry.unfreezesAt(), clock.instant()));
        if (id == null) {
            return;
        }
        book.timeline(id, r.state(), r.note());
        Money taken = r.amount().negate();
        if (entry.level() == EntryBook.STAFF_LEVEL) {
            // The sharers' facts (mails, figures) are about referral earnings; staff are paid with their wages.
            book.save(entry);
            return;
        }
        events.publishEvent(r.kind() == EntryKind.CLAWBACK
                ? new CommissionClawedBack(id, entry.id(), entry.distributorId(), snapshot.orderId(),
                        snapshot.orderNumber(), entry.level(), taken, ref, clock.instant(), entry.rewardForm())
                : new CommissionReversed(id, entry.id(), entry.distributorId(), snapshot.orderId(),
                        snapshot.orderNumber(), entry.level(), taken, ref, clock.instant(), entry.rewardForm()));
        book.save(entry);
    }

    /** Each signal the guard reports holds the entry under the reason of its own name, in the order found. */
    static Set<HoldReason> holdReasons(Collection<AbuseSignal> signals) {
        Set<HoldReason> reasons = EnumSet.noneOf(HoldReason.class);
        signals.forEach(signal -> reasons.add(HoldReason.valueOf(signal.name())));
        return reasons;
    }
}

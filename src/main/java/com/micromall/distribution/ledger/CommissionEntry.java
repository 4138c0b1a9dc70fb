package com.micromall.distribution.ledger;

import com.micromall.distribution.policy.CommissionPolicy;
import com.micromall.distribution.RewardForm;
import com.micromall.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A commission entry with the reversals and clawbacks taken from it: the unit whose rules say how money moves.
 * Amounts never change (a correction is a new entry); only the state moves, and only along {@link LedgerState}'s
 * moves, so every transition here throws {@link LedgerStateException} when asked for an illegal one. A reversal shares
 * its commission's state and moves with it. Transitions are recorded as changes; {@link EntryBook} saves them
 * (states, timeline lines, the distributor's account) in one transaction.
 */
public final class CommissionEntry {

    /**
     * {@link #unfreeze}'s rule applied in bulk ({@link UnfreezeJob}): the FROZEN entries due at {@code :at}, up to and
     * including the one due at {@code :bound} with id {@code :id} in (unfreezes_at, id) order ({@code :bound = :at} and
     * the largest id for all of them). Reversals of a FROZEN commission are FROZEN and due with it.
     */
    static final String DUE_IN_CHUNK = "state = '" + LedgerState.FROZEN.name() + "' AND unfreezes_at <= :at"
            + " AND (unfreezes_at < :bound OR (unfreezes_at = :bound AND id <= :id))";

    /**
     * The entries that are a sharer's money in their account (distributor_account): not staff commission (level 0,
     * paid with wages) and not POINTS commission (paid as points). The others live the same life here, outside it.
     */
    static final String IN_ACCOUNT = "level > 0 AND reward_form <> '" + RewardForm.POINTS.name() + "'";

    /** {@link #IN_ACCOUNT} for one entry (a reversal or clawback has its commission's level and form). */
    static boolean inAccount(int level, RewardForm form) {
        return level != EntryBook.STAFF_LEVEL && form != RewardForm.POINTS;
    }

    /** The timeline's note when the return window is over. */
    static final String UNFROZEN = "return window over";

    /** An entry taken from this commission: a reversal or clawback, negative. */
    record TakenBack(long id, EntryKind kind, int units, Money amount) {
    }

    /** A state change (or, when {@code from == to}, just a timeline line) waiting to be saved. */
    record Change(LedgerState from, LedgerState to, String note) {
    }

    /** A new reversal or clawback this commission asks for, in its state. */
    public record Refund(EntryKind kind, int units, Money amount, LedgerState state, String note) {
    }

    private final long id;
    private final long distributorId;
    private final long lineId;
    private final long productId;
    private final int level;
    private final RewardForm rewardForm;
    private final int units;
    private final Money amount;
    private final Instant unfreezesAt;
    private final List<TakenBack> takenBack;
    private LedgerState state;
    private final List<Change> changes = new ArrayList<>();

    CommissionEntry(long id, long distributorId, long lineId, long productId, int level, int units, Money amount, LedgerState state, Instant unfreezesAt,
                    Collection<TakenBack> takenBack) {
        this(id, distributorId, lineId, productId, level, RewardForm.CASH, units, amount, state, unfreezesAt, takenBack);
    }

    CommissionEntry(long id, long distributorId, long lineId, long productId, int level, RewardForm rewardForm, int units,
                    Money amount, LedgerState state, Instant unfreezesAt, Collection<TakenBack> takenBack) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A commission is positive: " + amount);
        }
        this.id = id;
        this.distributorId = distributorId;
        this.lineId = lineId;
        this.productId = productId;
        this.level = level;
        this.rewardForm = rewardForm;
        this.units = units;
        this.amount = amount;
        this.state = state;
        this.unfreezesAt = unfreezesAt;
        this.takenBack = List.copyOf(takenBack);
    }

    /** The return window is over: FROZEN → AVAILABLE. */
    public void unfreeze(Instant now) {
        require(LedgerState.FROZEN, "unfreeze");
        if (unfreezesAt.isAfter(now)) {
            throw new LedgerStateException("entry " + id + " is frozen until " + unfreezesAt);
        }
        moveTo(LedgerState.AVAILABLE, UNFROZEN);
    }

    /** Something looks wrong (shared device, budget…): FROZEN → ON_HOLD until the owner decides. */
    public void hold(String reason) {
        require(LedgerState.FROZEN, "hold");
        moveTo(LedgerState.ON_HOLD, "held: " + reason);
    }

    /** The hold is lifted: ON_HOLD → FROZEN, or AVAILABLE when its return window is already over. */
    public void release(Instant now, String note) {
        require(LedgerState.ON_HOLD, "release");
        moveTo(unfreezesAt.isAfter(now) ? LedgerState.FROZEN : LedgerState.AVAILABLE, note);
    }

    /** The owner voids it (FROZEN or ON_HOLD → VOID): it counts nowhere any more. */
    public void voidWith(String reason) {
        moveTo(LedgerState.VOID, "voided: " + reason);
    }

    /**
     * {@code refundedUnits} of the line were refunded: the share of the units not taken back yet (the last units take
     * whatever is left, so kept + taken back = original to the cent). Before the commission is AVAILABLE that is a
     * REVERSAL in its state, and the refund that empties the line reverses the whole entry (→ REVERSED); after it, a
     * CLAWBACK. Nothing when the entry was reversed or voided already, or every unit was taken back.
     */
    public Optional<Refund> reverse(int refundedUnits) {
        if (state == LedgerState.REVERSED || state == LedgerState.VOID) {
            return Optional.empty();
        }
        LedgerState before = state;
        int unitsBefore = takenBack.stream().mapToInt(TakenBack::units).sum();
        int taken = Math.min(refundedUnits, units - unitsBefore);
        if (taken <= 0) {
            return Optional.empty();
        }
        Money takenBefore = takenBack.stream().map(TakenBack::amount).reduce(Money.zero(amount.currency()), Money::plus)
                .negate();
        Money share = CommissionPolicy.refundShare(amount, units, unitsBefore, takenBefore, taken);
        boolean afterWindow = state == LedgerState.AVAILABLE;
        EntryKind kind = afterWindow ? EntryKind.CLAWBACK : EntryKind.REVERSAL;
        String note = kind.name().toLowerCase() + " of " + taken + " of " + units + " units: " + share.negate();
        if (unitsBefore + taken == units && !afterWindow) {
            moveTo(LedgerState.REVERSED, "order refunded");
        } else {
            changes.add(new Change(state, state, note));
        }
        return Optional.of(new Refund(kind, taken, share.negate(), before, note));
    }

    private void require(LedgerState expected, String what) {
        if (state != expected) {
            throw new LedgerStateException("entry " + id + " is " + state + " and cannot " + what);
        }
    }

    private void moveTo(LedgerState target, String note) {
        state.requireMoveTo(target);
        changes.add(new Change(state, target, note));
        state = target;
    }

    public long id() {
        return id;
    }

    public long distributorId() {
        return distributorId;
    }

    public long lineId() {
        return lineId;
    }

    public long productId() {
        return productId;
    }

    public int level() {
        return level;
    }

    public RewardForm rewardForm() {
        return rewardForm;
    }

    public int units() {
        return units;
    }

    public Money amount() {
        return amount;
    }

    public LedgerState state() {
        return state;
    }

    public Instant unfreezesAt() {
        return unfreezesAt;
    }

    /** The changes since it was loaded, oldest first; {@link #saved()} forgets them. */
    List<Change> changes() {
        return List.copyOf(changes);
    }

    void saved() {
        changes.clear();
    }

    @Override
    public String toString() {
        return "CommissionEntry " + id + " " + amount + " " + state;
    }
}

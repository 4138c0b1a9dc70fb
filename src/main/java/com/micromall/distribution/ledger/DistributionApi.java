package com.micromall.distribution.ledger;

import com.micromall.distribution.RewardForm;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What pages and other modules may ask the commission ledger. Everything is derived from ledger entries. */
public interface DistributionApi {

    /** A distributor's money, by bucket. Amounts may be negative (a clawback after a withdrawal). */
    Balances balancesOf(long customerId);

    /** Every ledger entry of the distributor, newest first, each with its timeline. */
    default List<LedgerLine> ledgerOf(long customerId) {
        return ledgerOf(customerId, Integer.MAX_VALUE);
    }

    /** The newest {@code limit} ledger entries of the distributor, newest first, each with its timeline. */
    List<LedgerLine> ledgerOf(long customerId, int limit);

    /**
     * What the distributor's POINTS commission holds (frozen, on hold or available, less reversals and clawbacks): paid
     * as points, so in none of the balances.
     */
    Money paidAsPointsBy(long customerId);

    /** Commission earned by the distributor and not reversed (the account's running sum); zero without an account. */
    BigDecimal earnedBy(long customerId);

    /** What the shop owes all distributors together, from their account rows, in one query. */
    Liability liability();

    /** The distributor's entries created in [from, to): kind COMMISSION, REVERSAL or CLAWBACK, amount as recorded. */
    List<Movement> movementsOf(long customerId, Instant from, Instant to);

    /** The distributor's entries voided in [from, to), each with its own amount, at the moment of the void. */
    List<Movement> voidsOf(long customerId, Instant from, Instant to);

    /** The distributor's balances and when their frozen money next starts to thaw, in one query (the dashboard's). */
    Outlook outlookOf(long customerId);

    /**
     * Commission credited to the distributor in each span: COMMISSION entries (staff commission aside) created in
     * [from, to) and not void, summed per span, in one query. The sums come in the order of the spans.
     */
    List<BigDecimal> creditedIn(long customerId, List<Span> spans);

    /**
     * Buyer, units and order time of each of the distributor's entries among {@code entryIds}, by entry id, in one
     * query. Ids of anyone else's entries are left out.
     */
    Map<Long, EntryDetails> entryDetailsOf(long customerId, Collection<Long> entryIds);

    /**
     * The account of each of these distributors, by id, in one query per thousand ids; ids without an account (not a
     * distributor) are left out.
     */
    Map<Long, Account> accountsOf(Collection<Long> customerIds);

    /** A page of distributors by commission earned, most first (ties by id), read down the accounts' index. */
    List<Long> byEarned(int limit, long offset);

    /**
     * One account as the owner's roll shows it; {@code available} is after the money taken out, as on the dashboard.
     *
     * @param earned commission earned and not reversed (frozen, on hold or available): what the roll sorts by
     */
    record Account(BigDecimal frozen, BigDecimal available, BigDecimal onHold, BigDecimal paidOut, BigDecimal earned) {
    }

    /**
     * @param nextUnfreeze the earliest moment one of the distributor's FROZEN entries (staff commission aside)
     *                     becomes withdrawable; null when nothing is frozen
     */
    record Outlook(Balances balances, @Nullable Instant nextUnfreeze) {
    }

    /** From {@code from} (included) to {@code to} (excluded). */
    record Span(Instant from, Instant to) {
    }

    /**
     * What a ledger line shows beyond {@link LedgerLine}: the buyer, the units, the units of the entry it reverses
     * (null for a commission), and when the order was placed (null without a snapshot).
     */
    record EntryDetails(long entryId, long buyerId, int units, @Nullable Integer parentUnits,
                        @Nullable Instant placedAt) {
    }

    /** One amount of a distributor's ledger at a moment: an entry's creation or its void. */
    record Movement(String kind, BigDecimal amount, Instant at) {
    }

    /**
     * Sums over every account.
     *
     * @param available AVAILABLE entries less withdrawals requested or paid and store credit spent
     * @param requested withdrawals requested and not paid yet
     */
    record Liability(BigDecimal frozen, BigDecimal onHold, BigDecimal available, BigDecimal requested) {
    }

    /**
     * @param expected commission of orders placed but not completed yet (computed from their snapshots)
     * @param available what the distributor may withdraw or spend now: AVAILABLE entries minus money
     *                  taken out (withdrawals requested, approved or paid; store credit spent); may be negative
     * @param withdrawing requested or approved withdrawals not paid yet (already taken out of available)
     * @param withdrawn paid out through withdrawals
     * @param clawedBack what was taken back after the return window (a positive number)
     * @param creditSpent available money spent as store credit at checkout (before the bonus)
     */
    record Balances(Money expected, Money frozen, Money available, Money onHold, Money withdrawing, Money withdrawn,
                    Money clawedBack, Money creditSpent) {
    }

    /**
     * One entry. {@code kind} is COMMISSION (positive), REVERSAL or CLAWBACK (negative); {@code state}
     * FROZEN, AVAILABLE, ON_HOLD, REVERSED or VOID.
     */
    record LedgerLine(long entryId, String orderNumber, long productId, int level, String kind, String state,
                      Money amount, @Nullable String holdReason, Instant unfreezesAt, Instant createdAt,
                      List<LedgerStep> timeline, RewardForm rewardForm) {

        /** Paid as points, not cash: never part of the withdrawable balance. */
        public boolean asPoints() {
            return rewardForm == RewardForm.POINTS;
        }
    }

    /** A state the entry entered, when, and why. */
    record LedgerStep(String state, Instant occurredAt, @Nullable String note) {
    }
}

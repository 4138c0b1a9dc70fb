package com.micromall.distribution.ledger;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;
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
                      List<LedgerStep> timeline) {
    }

    /** A state the entry entered, when, and why. */
    record LedgerStep(String state, Instant occurredAt, @Nullable String note) {
    }
}

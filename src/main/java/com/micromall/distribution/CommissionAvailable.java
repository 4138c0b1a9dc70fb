package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * Commission of a distributor became withdrawable (or, for POINTS, spendable as points): the return window of these
 * orders is over, or a hold was released after it. Settlement says it once per distributor, reward form and
 * settlement chunk, not once per entry, so a run that frees fifty lines of one distributor is one fact (and one mail).
 *
 * @param amount what became available, reversals of the same entries already deducted
 * @param orderNumbers the orders the entries belong to, oldest first
 * @param rewardForm the form the entries were credited in
 * @param pointsEntries for POINTS, each COMMISSION entry that became available with its amount net of reversals (an
 *     entry becomes available once, so its id is a stable key; the amounts sum to {@code amount}); empty for CASH and
 *     STORE_CREDIT, whose balance is the ledger's own account
 */
public record CommissionAvailable(long distributorId, Money amount, int entryCount, List<String> orderNumbers,
                                  Instant availableAt, RewardForm rewardForm, List<Entry> pointsEntries) {

    /** A commission entry that became available, and what it is worth now (its amount less reversals). */
    public record Entry(long entryId, Money amount) {
    }
}

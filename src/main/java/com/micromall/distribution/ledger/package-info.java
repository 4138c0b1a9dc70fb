/**
 * The books of what distributors are owed: commission entries and their life cycle (frozen, available, on hold,
 * reversed, clawed back), settlement, holds and the monthly budget's sum. Two aggregates carry the money: a
 * {@code CommissionEntry} (immutable amount, guarded state moves, its timeline) and each distributor's
 * {@link com.micromall.distribution.ledger.DistributorAccounts account}, the one cached balance row, moved in the
 * same transaction as the entries; settlement applies the entry's unfreeze rule to many entries in one statement.
 * The books do not decide when to book: that is crediting's, which writes entries through
 * {@link com.micromall.distribution.ledger.EntryBook}, so the books read the same whatever rule booked them. The
 * ledger announces voids and released holds as events for whoever keeps figures of them (reporting's chart); what
 * open orders are expected to earn is the policy's, summed from their terms when read. Money that leaves the balance
 * is payout's, and the owner's decisions on held entries and the check of the books are oversight's: the ledger
 * lists what is held ({@code EntryBook#held}) and sums its own entries for the check
 * ({@code EntrySums}), so no SQL outside it names {@code commission_entry}.
 */
@ApplicationModule(displayName = "Distribution: ledger",
        allowedDependencies = {"distribution", "shared", "settings", "distribution.referral", "distribution.policy"})
@NullMarked
package com.micromall.distribution.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

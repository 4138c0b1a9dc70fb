/**
 * What distributors are owed: commission entries booked from each order's terms as {@code policy} froze them when it
 * was placed, and their life cycle (frozen, available, on hold, reversed, clawed back), settlement, holds and
 * the monthly budget. Two aggregates carry the money: a
 * {@code CommissionEntry} (immutable amount, guarded state moves, its timeline) and each distributor's
 * {@link com.micromall.distribution.ledger.DistributorAccounts account}, the one cached balance row, moved in the
 * same transaction as the entries; settlement applies the entry's unfreeze rule to many entries in one statement.
 * There is no other counter: what open orders are expected to earn is the policy's, summed from their terms when
 * read, and the ledger announces credits and voids as events for whoever keeps figures of them (reporting's chart).
 * Money that leaves the balance is payout's, and checking the books is oversight's: the ledger only sums its own
 * entries for that check ({@code EntrySums}), so no SQL outside it names {@code commission_entry}. Whether a sharer
 * and a buyer look like one household is {@code abuse}'s question; the ledger holds the commission for every signal
 * it reports.
 */
@ApplicationModule(displayName = "Distribution: ledger",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "order", "distribution.referral",
                "distribution.policy", "distribution.abuse"})
@NullMarked
package com.micromall.distribution.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

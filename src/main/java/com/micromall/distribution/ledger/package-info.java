/**
 * What distributors are owed: the order snapshot taken at placing (who earns, at the rates {@code policy} gives),
 * commission entries and their life cycle (frozen, available, on hold, reversed, clawed back), settlement, holds and
 * the monthly budget. Asks {@code referral} who earns. Two aggregates carry the money: a
 * {@code CommissionEntry} (immutable amount, guarded state moves, its timeline) and each distributor's
 * {@link com.micromall.distribution.ledger.DistributorAccounts account}, the one cached balance row, moved in the
 * same transaction as the entries; settlement applies the entry's unfreeze rule to many entries in one statement.
 * There is no other counter: what open orders are expected to earn is summed from their snapshots when read, and
 * the ledger announces credits and voids as events for whoever keeps figures of them (reporting's chart). Money that
 * leaves the balance is payout's, and checking the books is reporting's: the ledger only sums its own entries for that
 * check ({@code EntrySums}), so no SQL outside it names {@code commission_entry}.
 */
@ApplicationModule(displayName = "Distribution: ledger",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "catalog", "order", "distribution.referral",
                "distribution.experiments", "distribution.policy"})
@NullMarked
package com.micromall.distribution.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

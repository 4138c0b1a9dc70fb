/**
 * What distributors are owed: the order snapshot taken at placing (who earns, at the rates {@code policy} gives),
 * commission entries and their life cycle (frozen, available, on hold, reversed, clawed back), settlement, holds and
 * the monthly budget, store credit spent at checkout, and the owner's reconciliation. Asks {@code referral} who earns. Two aggregates carry the money: a
 * {@code CommissionEntry} (immutable amount, guarded state moves, its timeline) and each distributor's
 * {@link com.micromall.distribution.ledger.DistributorAccounts account}, the one cached balance row, moved in the
 * same transaction as the entries; settlement applies the entry's unfreeze rule to many entries in one statement.
 * There is no other counter: what open orders are expected to earn is summed from their snapshots when read, and
 * the ledger announces credits and voids as events for whoever keeps figures of them (reporting's chart).
 * Whether a sharer and a buyer look like one household is {@code abuse}'s question; the ledger holds the commission
 * for every signal it reports.
 */
@ApplicationModule(displayName = "Distribution: ledger",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "catalog", "order", "distribution.referral",
                "distribution.experiments", "distribution.policy", "distribution.abuse"})
@NullMarked
package com.micromall.distribution.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The distributor's rewards page: how they take their commission (cash, store credit or points, among the forms the
 * owner offers) and the friend's share they give, each shown on a sample order by the same code checkout uses. Reads
 * balances from the ledger, what store credit is worth from payout (which spends it) and the friend's gift from the
 * policy; nothing below depends on it ({@code rewards → payout → ledger → policy → referral}).
 */
@ApplicationModule(displayName = "Distribution: rewards",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "distribution.referral",
                "distribution.policy", "distribution.ledger", "distribution.payout"})
@NullMarked
package com.micromall.distribution.rewards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

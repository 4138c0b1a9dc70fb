/**
 * What distributors are owed: the commission policy, the order snapshot taken at placing, commission
 * entries and their life cycle (frozen, available, on hold, reversed, clawed back), settlement,
 * holds and the monthly budget, and the checkout benefits paid from commission (welcome gift,
 * friend's share, store credit). Asks {@code referral} who earns.
 */
@ApplicationModule(displayName = "Distribution: ledger",
        allowedDependencies = {"shared", "settings", "customer", "catalog", "order", "distribution.referral"})
@NullMarked
package com.micromall.distribution.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * What the figures say: the distributor's dashboard, the owner's roll and CSV, yearly statements,
 * the honour roll and the rate simulator. Reads the other three modules; nothing depends on it.
 */
@ApplicationModule(displayName = "Distribution: reporting",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "catalog", "order", "distribution.referral", "distribution.ledger", "distribution.payout"})
@NullMarked
package com.micromall.distribution.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

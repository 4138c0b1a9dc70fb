/**
 * The distributor's own page, {@code /distribution}: balances and the ledger with each entry's timeline, the weekly
 * chart, invitees and how they were bound, the tier box, a running experiment's rate, the honour roll opt-in and
 * the share link's QR code. It only composes what the other modules answer (reporting's figures, the ledger, the
 * policy's tiers, referral's bindings); nothing depends on it.
 */
@ApplicationModule(displayName = "Distribution: dashboard",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "distribution.referral",
                "distribution.experiments", "distribution.policy", "distribution.ledger", "distribution.reporting"})
@NullMarked
package com.micromall.distribution.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

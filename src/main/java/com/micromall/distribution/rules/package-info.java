/**
 * The owner's distribution rules page: rates, return window, the friend's welcome gift, binding mode and the reward
 * forms on offer, with a what-if simulator that prices a referred friend's first order by the code real orders use
 * ({@link com.micromall.distribution.rules.CommissionQuote}), and the warnings when a rate or a product's override
 * would pay out more than the goods earn (also asked by catalog's product form through {@code CommissionShareCheck}).
 * Reads the policy, referral and payout APIs; nothing in distribution depends on it.
 */
@ApplicationModule(displayName = "Distribution: rules",
        allowedDependencies = {"distribution", "shared", "settings", "catalog", "distribution.referral",
                "distribution.invitations", "distribution.policy", "distribution.payout"})
@NullMarked
package com.micromall.distribution.rules;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

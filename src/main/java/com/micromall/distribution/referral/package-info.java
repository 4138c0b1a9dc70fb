/**
 * Who shares and who was invited: distributors and their codes, links and clicks, binding a new
 * customer to their referrer for good, and each distributor's own choices (reward form, friend's share).
 * Knows nothing of money: the ledger asks it who earns.
 */
@ApplicationModule(displayName = "Distribution: referral", allowedDependencies = {"distribution", "shared", "settings", "customer", "order"})
@NullMarked
package com.micromall.distribution.referral;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

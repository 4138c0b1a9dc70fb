/**
 * Money out: withdrawal requests, the owner's approval with a payment reference or rejection with a
 * reason, and their life cycle. Takes money out of the ledger's available balance under the
 * distributor's lock.
 */
@ApplicationModule(displayName = "Distribution: payout", allowedDependencies = {"distribution", "shared", "settings", "customer", "distribution.referral", "distribution.ledger", "distribution.abuse"})
@NullMarked
package com.micromall.distribution.payout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

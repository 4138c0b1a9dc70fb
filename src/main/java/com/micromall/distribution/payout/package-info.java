/**
 * Money leaving the available balance: withdrawals (requests, the owner's approval with a payment reference or
 * rejection with a reason, and their life cycle) and store credit spent at checkout, given back when the order is
 * cancelled or fully refunded. Both take the ledger's money under the distributor's lock and move the ledger's
 * account through its public methods; the ledger asks what went out through its {@code Payouts} interface.
 */
@ApplicationModule(displayName = "Distribution: payout", allowedDependencies = {"distribution", "shared", "settings",
        "customer", "order", "distribution.referral", "distribution.ledger", "distribution.abuse"})
@NullMarked
package com.micromall.distribution.payout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

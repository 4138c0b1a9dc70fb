/**
 * Whether a sharer and a buyer look like one person or one household: the same registration device, the same network
 * on the same or the next day, an order shipped to the sharer's saved address, the same payout account, or e-mail
 * addresses reaching one mailbox ({@link com.micromall.distribution.abuse.AbuseGuard#check}). Keeps the sightings it
 * needs (devices at registration, networks at registration and login) in tables of its own, and asks payout for the
 * accounts withdrawals went to through {@link com.micromall.distribution.abuse.PayoutAccounts}, so it sits below both
 * ({@code payout → abuse → referral}). It only answers; crediting decides what a signal holds.
 */
@ApplicationModule(displayName = "Distribution: abuse",
        allowedDependencies = {"shared", "settings", "customer", "distribution.referral"})
@NullMarked
package com.micromall.distribution.abuse;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

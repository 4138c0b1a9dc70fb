/**
 * When commission is booked and taken back: the rules that turn a completed order into ledger entries (per level and
 * line from the order's frozen terms, held when abuse signals, an unverified buyer or the monthly budget say so, in the
 * reward form the sharer chose), a refund into reversals or clawbacks, and a buyer's verification into released holds.
 * The books themselves (entries, their guarded moves, accounts) are the ledger's; keeping the rules apart lets each be
 * read on its own, and nothing below depends on them: crediting only listens to order and customer events.
 */
@ApplicationModule(displayName = "Distribution: crediting",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "order", "distribution.referral",
                "distribution.policy", "distribution.abuse", "distribution.ledger"})
@NullMarked
package com.micromall.distribution.crediting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

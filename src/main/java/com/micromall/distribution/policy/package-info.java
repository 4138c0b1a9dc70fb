/**
 * The terms a sharer's friend buys on, before any money is booked: the commission of an order line at given rates
 * ({@link com.micromall.distribution.policy.CommissionPolicy}), the owner's distributor tiers that set each sharer's
 * rates (with their admin page), and the referred friend's gift on a first order - the welcome discount and the
 * friend's share of the sharer's level-1 commission - defined once ({@link com.micromall.distribution.policy.FriendsGift})
 * and offered at checkout. When an order is placed these terms are frozen for it in its commission snapshot
 * ({@link com.micromall.distribution.policy.OrderTerms}: who earns, at which rates, the return window, each line's
 * override and friend's gift, the staff share, the experiment's arm), so later changes never alter what a placed order
 * pays; crediting books money from those terms into the ledger, locking them while it does, and tells the tiers what
 * a completed order counted for ({@code crediting → policy → experiments → invitations → referral}). Owns the tier and snapshot tables.
 */
@ApplicationModule(displayName = "Distribution: policy",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "catalog", "order", "distribution.referral",
                "distribution.invitations", "distribution.experiments"})
@NullMarked
package com.micromall.distribution.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

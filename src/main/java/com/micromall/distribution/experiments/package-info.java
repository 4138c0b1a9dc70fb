/**
 * Rate experiments: the owner tries two or three level-1 rates (each optionally with its own welcome benefit for the
 * friend) side by side and adopts the one that pays. Owns the experiment, its arms, who is in which arm, and the
 * figures each arm gathers while it runs; the policy asks {@link com.micromall.distribution.experiments.Experiments#armOf}
 * which arm applies to a distributor when it snapshots an order and tells it what the order earned
 * ({@code policy → experiments → referral}).
 *
 * <p>Who is in which arm: for NEW distributors, each one enrolling while the experiment runs, at random from the
 * experiment's seed and their id (reproducible); for ALL, every active distributor is shuffled with the seed and dealt
 * round the arms at the start (balanced to one), and later enrolments join as for NEW. An assignment is stored and
 * never changes. One experiment runs at a time.
 *
 * <p>How an arm's rate meets tiers: the arm's rate replaces the shop's base level-1 rate for its distributors while
 * the experiment runs, and a tier keeps its uplift over the base on top of it (base 10 %, Silver 12 %, arm 8 %:
 * Silver pays 10 %). The snapshot keeps the rate in force and the arm, so ending an experiment never changes a
 * placed order's commission.
 *
 * <p>The figures come from this module's own records - sign-ups from referral's binding events, share actions from
 * the dashboard's beacon, orders from the policy's snapshot (goods before the friend's discounts, the level-1
 * commission kept, the welcome discount and friend's share given), cancellations from order's events - and clicks
 * from referral's API (a click is the hot path: it is not slowed down for experiments).
 */
@ApplicationModule(displayName = "Distribution: experiments",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "order", "distribution.referral",
                "distribution.invitations"})
@NullMarked
package com.micromall.distribution.experiments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

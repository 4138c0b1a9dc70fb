/**
 * What the figures say: the distributor's dashboard figures, the owner's roll and CSV, yearly statements and the
 * honour roll. Keeps its own record of orders and bindings from order's and referral's events (report_* tables, one
 * definition of referred customers, orders and GMV: see ReferredFigures), of each distributor's contact data, code
 * and status for the roll (DistributorRoll), of the chart's commission per hour from the ledger's credits and voids
 * (CommissionHours), and asks the other modules' APIs for the rest, money included. Only the distributor's page
 * ({@code dashboard}) asks this module.
 */
@ApplicationModule(displayName = "Distribution: reporting",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "order", "distribution.referral", "distribution.ledger", "distribution.payout"})
@NullMarked
package com.micromall.distribution.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * What the figures say: the distributor's dashboard figures, the owner's roll and CSV, yearly statements
 * and the honour roll. Keeps its own record of orders and bindings from order's and
 * referral's events (report_* tables, one definition of referred customers, orders and GMV: see
 * ReferredFigures), of the chart's commission per hour from the ledger's credits and voids (CommissionHours),
 * and asks the other modules' APIs for the rest; only the distributor's page ({@code dashboard}) asks it.
 */
@ApplicationModule(displayName = "Distribution: reporting",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "order", "distribution.referral", "distribution.ledger", "distribution.payout"})
@NullMarked
package com.micromall.distribution.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

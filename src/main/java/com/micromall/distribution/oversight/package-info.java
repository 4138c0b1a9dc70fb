/**
 * The owner's oversight of the money: the commissions held for a look (fraud signals or the month's budget), to
 * release or void one by one, and the reconciliation that proves the books balance to the cent - every account equals
 * its entries, and paid out + owed + clawed back = credited − reversed. It changes nothing by itself: it reads the
 * ledger's API (payout answers through the ledger's {@code Payouts} interface) and asks the ledger to carry out the
 * owner's decisions, so it sits on top and nothing depends on it.
 */
@ApplicationModule(displayName = "Distribution: oversight",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "distribution.ledger",
})
@NullMarked
package com.micromall.distribution.oversight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

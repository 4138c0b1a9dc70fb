package com.micromall.distribution;

import com.micromall.shared.Money;

/** What the ledger holds of a staff member's own commission, for the owner's staff page. */
public interface StaffCommissionBalances {

    /** Paid with wages, so there is nothing to withdraw: only what is frozen and what became available. */
    record StaffCommission(Money frozen, Money available) {
    }

    /** The member's staff commission by bucket, reversals and clawbacks included. */
    StaffCommission staffCommissionOf(long customerId);
}

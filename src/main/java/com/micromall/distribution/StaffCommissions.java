package com.micromall.distribution;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Extension point: the module that knows the shop's staff says, for an order being placed, which staff member it is
 * attributed to and the staff commission percent in force. The policy records it on the order's commission terms, the
 * ledger credits it like any commission, so {@code distribution} never depends on that module.
 */
public interface StaffCommissions {

    /** @param accountId the staff member's customer account, which the ledger entries belong to */
    record StaffShare(long accountId, BigDecimal percent) {
    }

    /** Called in the placing transaction, after the order's staff attribution was recorded; empty when none earns. */
    Optional<StaffShare> forOrder(long orderId);
}

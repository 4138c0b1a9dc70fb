package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * A completed order earned the staff member it is attributed to their own commission: the sum of the entries
 * credited for its lines. Announced apart from {@link CommissionCredited}, which is about referral earnings
 * (sharers hear it by mail); staff are paid with their wages.
 */
public record StaffCommissionCredited(long accountId, long orderId, String orderNumber, Money amount,
                                      Instant creditedAt, List<Long> entryIds) {
}

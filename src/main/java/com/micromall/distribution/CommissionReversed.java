package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/**
 * A refund took back part of a commission before its return window ended (a REVERSAL entry).
 *
 * @param entryId the REVERSAL entry: a stable key
 * @param amount the share taken back, as a positive amount of money
 * @param refundRef names the order's refund the reversal answers
 * @param rewardForm the form of the commission it was taken from
 */
public record CommissionReversed(long entryId, long commissionEntryId, long distributorId, long orderId,
                                 String orderNumber, int level, Money amount, String refundRef, Instant reversedAt,
                                 RewardForm rewardForm) {
}

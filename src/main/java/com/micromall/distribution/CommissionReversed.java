package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/**
 * A refund took back part of a commission before its return window ended (a REVERSAL entry).
 *
 * @param amount the share taken back, as a positive amount
 * @param refundRef names the order's refund the reversal answers
 */
public record CommissionReversed(long entryId, long commissionEntryId, long distributorId, String orderNumber,
                                 int level, Money amount, String refundRef, Instant reversedAt) {
}

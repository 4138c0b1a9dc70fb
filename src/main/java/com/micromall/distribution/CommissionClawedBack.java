package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/**
 * A refund after the return window took back part of a commission that was already withdrawable (a CLAWBACK
 * entry): it lowers the distributor's available balance, which may go negative; for POINTS, their points.
 *
 * @param entryId the CLAWBACK entry: a stable key
 * @param amount the share taken back, as a positive amount of money
 * @param refundRef names the order's refund the clawback answers
 * @param rewardForm the form of the commission it was taken from
 */
public record CommissionClawedBack(long entryId, long commissionEntryId, long distributorId, long orderId,
                                   String orderNumber, int level, Money amount, String refundRef, Instant clawedBackAt,
                                   RewardForm rewardForm) {
}

package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/**
 * A refund after the return window took back part of a commission that was already withdrawable (a CLAWBACK
 * entry): it lowers the distributor's available balance, which may go negative.
 *
 * @param amount the share taken back, as a positive amount
 * @param refundRef names the order's refund the clawback answers
 */
public record CommissionClawedBack(long entryId, long commissionEntryId, long distributorId, String orderNumber,
                                   int level, Money amount, String refundRef, Instant clawedBackAt) {
}

package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/**
 * The owner voided a commission entry (frozen or on hold): it counts nowhere any more.
 *
 * @param entryId the COMMISSION entry voided: a stable key
 * @param level 0 for a staff member's own commission, 1 or 2 for a sharer's
 * @param amount the entry's amount, as credited (reversals taken from it before are voided with it)
 * @param creditedAt when the entry was credited (the hour it was counted in)
 * @param rewardForm the form it was credited in
 */
public record CommissionVoided(long entryId, long distributorId, long orderId, String orderNumber, int level,
                               Money amount, Instant creditedAt, Instant voidedAt, RewardForm rewardForm) {
}

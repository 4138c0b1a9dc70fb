package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/**
 * The owner voided a commission entry (frozen or on hold): it counts nowhere any more.
 *
 * @param level 0 for a staff member's own commission, 1 or 2 for a sharer's
 * @param amount the entry's amount, as credited
 * @param creditedAt when the entry was credited (the hour it was counted in)
 */
public record CommissionVoided(long entryId, long distributorId, String orderNumber, int level, Money amount,
                               Instant creditedAt, Instant voidedAt) {
}

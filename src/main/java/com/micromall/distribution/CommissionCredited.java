package com.micromall.distribution;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A completed order earned a distributor commission at one level: the sum of the entries credited for its lines.
 * Held entries (abuse signals, budget) are counted in {@code onHold}, not in {@code amount}: they may never be paid.
 *
 * @param level 1 for the friend who ordered, 2 for a friend of a friend
 * @param amount money, whatever the form: a POINTS commission is worth {@code amount × (1 + bonusPercent %)} in points
 * @param unfreezesAt when the return window ends and the amount becomes withdrawable
 * @param creditedAt when the entries were credited (all of them at this instant)
 * @param entryIds the COMMISSION entries written, held ones included; with {@code orderId} and {@code level} a stable key
 * @param rewardForm the form in force when the entries were credited, which they keep for good
 * @param bonusPercent the points bonus in force at crediting for a POINTS commission; zero for CASH and STORE_CREDIT
 *     (the store-credit bonus applies when credit is spent)
 */
public record CommissionCredited(long distributorId, long orderId, String orderNumber, int level, Money amount,
                                 Money onHold, Instant unfreezesAt, Instant creditedAt, List<Long> entryIds,
                                 RewardForm rewardForm, BigDecimal bonusPercent) {
}

package com.micromall.loyalty.levels;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a customer stands, as their account page shows it.
 *
 * @param level     their level now (null: none reached, and no level starts at 0)
 * @param spend     the goods they paid for in the last 12 months, refunds taken off
 * @param next      the next level up (null: they hold the highest)
 * @param toNext    what is still to spend to reach {@code next}
 * @param heldUntil until when {@code level} is kept whatever the spend does (null when held by no one's spend)
 */
public record MemberStanding(@Nullable MemberLevel level, Money spend, @Nullable MemberLevel next,
                             @Nullable Money toNext, @Nullable Instant heldUntil) {

    /** How far the spend has come towards the next level, 0 to 100 (100 when there is none). */
    public int progressPercent() {
        if (next == null || !next.threshold().isPositive()) {
            return 100;
        }
        return spend.amount().multiply(BigDecimal.valueOf(100))
                .divide(next.threshold().amount(), 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
    }
}

package com.micromall.loyalty.levels;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a customer stands, as their account page shows it.
 *
 * @param level     their level now (null: none reached, and no level starts at 0)
 * @param measure   what the figures below are: an amount or points
 * @param progress  what the shop's {@link LevelBasis} measures for them: spend or points earned, refunds taken off
 * @param next      the next level up (null: they hold the highest)
 * @param toNext    what is still to spend or earn to reach {@code next}
 * @param heldUntil until when {@code level} is kept whatever the progress does (null when held by no one's progress)
 */
public record MemberStanding(@Nullable MemberLevel level, LevelMeasure measure, BigDecimal progress,
                             @Nullable MemberLevel next, @Nullable BigDecimal toNext, @Nullable Instant heldUntil) {

    /** How far the progress has come towards the next level, 0 to 100 (100 when there is none). */
    public int progressPercent() {
        if (next == null || next.fromZero()) {
            return 100;
        }
        return progress.multiply(BigDecimal.valueOf(100))
                .divide(next.threshold(), 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
    }
}

package com.micromall.care.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Answers counted by kind: the score is the share of promoters minus the share of detractors, in percentage points
 * from −100 to 100, rounded half up to a whole number (passives count in the total only).
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {

    public static final NetPromoterScore NONE = new NetPromoterScore(0, 0, 0);

    public long answers() {
        return promoters + passives + detractors;
    }

    /** Null without answers: no score is not a score of zero. */
    public @Nullable Integer score() {
        long answers = answers();
        if (answers == 0) {
            return null;
        }
        return BigDecimal.valueOf(promoters - detractors).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(answers), 0, RoundingMode.HALF_UP).intValueExact();
    }

    NetPromoterScore plus(int score) {
        return switch (AnswerKind.of(score)) {
            case PROMOTER -> new NetPromoterScore(promoters + 1, passives, detractors);
            case PASSIVE -> new NetPromoterScore(promoters, passives + 1, detractors);
            case DETRACTOR -> new NetPromoterScore(promoters, passives, detractors + 1);
        };
    }

    NetPromoterScore plus(NetPromoterScore other) {
        return new NetPromoterScore(promoters + other.promoters, passives + other.passives,
                detractors + other.detractors);
    }
}

package com.micromall.distribution.experiments;

import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One arm of an experiment: the level-1 rate its distributors earn and, when set, the welcome benefit their friends
 * get instead of the shop's.
 *
 * @param label A, B or C; A is the control the others are compared with
 */
public record Arm(long id, long experimentId, int position, String label, BigDecimal level1Percent,
                  @Nullable WelcomeKind welcomeKind, @Nullable BigDecimal welcomeValue, @Nullable BigDecimal welcomeCap) {

    public boolean hasWelcome() {
        return welcomeKind != null && welcomeValue != null;
    }

    /**
     * The level-1 rate for a distributor of this arm: the arm's rate in place of the shop's base rate, plus the uplift
     * the distributor's tier has over that base (never below zero).
     *
     * @param tierPercent the level-1 rate of the tier the distributor holds, null without one
     */
    public BigDecimal level1Percent(@Nullable BigDecimal tierPercent, BigDecimal shopPercent) {
        if (tierPercent == null) {
            return level1Percent;
        }
        return level1Percent.add(tierPercent.subtract(shopPercent)).max(BigDecimal.ZERO);
    }

    /** The shop's rules as this arm's distributors and their friends meet them: its rate and welcome benefit. */
    public DistributionSettings applyTo(DistributionSettings rules) {
        boolean welcome = hasWelcome();
        return new DistributionSettings(rules.enrolmentRule(), level1Percent, rules.level2Percent(),
                rules.attributionDays(), rules.returnWindowDays(),
                welcome ? welcomeKind : rules.welcomeKind(), welcome ? welcomeValue : rules.welcomeValue(),
                welcome ? welcomeCap : rules.welcomeCap(), rules.storeCreditBonusPercent(), rules.withdrawalMinimum(),
                rules.withdrawalFeePercent(), rules.monthlyBudget(), rules.shareTexts());
    }
}

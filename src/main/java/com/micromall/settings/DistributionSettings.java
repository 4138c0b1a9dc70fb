package com.micromall.settings;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The owner's distribution rules, read by the distribution module through
 * {@link DistributionSettingsService#current()}. Percentages are per cent (10 = 10 %); amounts are
 * in the shop's currency. There is deliberately no level 3: deeper chains are multi-level
 * marketing, which many countries restrict.
 *
 * @param welcomeCap the most a percentage welcome discount may take off; null = no cap
 * @param monthlyBudget commission credited per calendar month before new entries go on hold; null = none
 * @param shareTexts the owner's ready-to-copy share texts, one per line; {link} stands for the sharer's link
 */
public record DistributionSettings(
        EnrolmentRule enrolmentRule,
        BigDecimal level1Percent,
        BigDecimal level2Percent,
        int attributionDays,
        int returnWindowDays,
        WelcomeKind welcomeKind,
        BigDecimal welcomeValue,
        @Nullable BigDecimal welcomeCap,
        BigDecimal storeCreditBonusPercent,
        BigDecimal withdrawalMinimum,
        BigDecimal withdrawalFeePercent,
        @Nullable BigDecimal monthlyBudget,
        @Nullable String shareTexts) {

    /** Who becomes a distributor: everyone (default), after a first completed purchase, or on approval. */
    public enum EnrolmentRule { EVERYONE, FIRST_PURCHASE, APPROVAL }

    /** The referred friend's welcome benefit: a percentage (with an optional cap) or a fixed amount. */
    public enum WelcomeKind { PERCENT, FIXED }

    /** The owner's share texts, one per non-blank line, each with {@code link} where it says {@code {link}}. */
    public java.util.List<String> shareTextsWith(String link) {
        if (shareTexts == null) {
            return java.util.List.of();
        }
        return shareTexts.lines().map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.replace("{link}", link)).toList();
    }

    public boolean levelTwoOn() {
        return level2Percent.signum() > 0;
    }
}

package com.micromall.settings.internal;

import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import lombok.RequiredArgsConstructor;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maps the single distribution_settings row to and from {@link DistributionSettings}. */
@Component
@RequiredArgsConstructor
public class DistributionSettingsStore {

    public static final String CACHE = "distributionSettings";

    private final JdbcClient jdbc;

    /**
     * The rules as the shop applies them. Cached: the checkout, placing an order and most listeners of an order's
     * events read them, and only the owner changes them; DistributionSettingsService.update evicts it after its commit.
     */
    @Cacheable(cacheNames = CACHE, key = "'current'")
    public DistributionSettings cached() {
        return load();
    }

    /** The rules as stored now, for the owner's changes and their checks. */
    public DistributionSettings load() {
        return jdbc.sql("SELECT * FROM distribution_settings WHERE id = 1")
                .query((rs, i) -> new DistributionSettings(
                        EnrolmentRule.valueOf(rs.getString("enrolment_rule")),
                        rs.getBigDecimal("level1_percent"),
                        rs.getBigDecimal("level2_percent"),
                        rs.getInt("attribution_days"),
                        rs.getInt("return_window_days"),
                        WelcomeKind.valueOf(rs.getString("welcome_kind")),
                        rs.getBigDecimal("welcome_value"),
                        rs.getBigDecimal("welcome_cap"),
                        rs.getBigDecimal("store_credit_bonus_percent"),
                        rs.getBigDecimal("withdrawal_minimum"),
                        rs.getBigDecimal("withdrawal_fee_percent"),
                        rs.getBigDecimal("monthly_budget"),
                        rs.getString("share_texts")))
                .single();
    }

    public void save(DistributionSettings s) {
        int updated = jdbc.sql("""
                UPDATE distribution_settings SET enrolment_rule = :rule, level1_percent = :l1, level2_percent = :l2,
                  attribution_days = :attribution, return_window_days = :returnWindow, welcome_kind = :welcomeKind,
                  welcome_value = :welcomeValue, welcome_cap = :welcomeCap, store_credit_bonus_percent = :bonus,
                  withdrawal_minimum = :minimum, withdrawal_fee_percent = :fee, monthly_budget = :budget,
                  share_texts = :texts, version = version + 1
                WHERE id = 1""")
                .param("rule", s.enrolmentRule().name())
                .param("l1", s.level1Percent())
                .param("l2", s.level2Percent())
                .param("attribution", s.attributionDays())
                .param("returnWindow", s.returnWindowDays())
                .param("welcomeKind", s.welcomeKind().name())
                .param("welcomeValue", s.welcomeValue())
                .param("welcomeCap", s.welcomeCap())
                .param("bonus", s.storeCreditBonusPercent())
                .param("minimum", s.withdrawalMinimum())
                .param("fee", s.withdrawalFeePercent())
                .param("budget", s.monthlyBudget())
                .param("texts", s.shareTexts())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("distribution_settings row 1 is missing; Flyway V30 creates it");
        }
    }
}

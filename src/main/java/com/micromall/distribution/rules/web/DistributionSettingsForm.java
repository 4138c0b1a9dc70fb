package com.micromall.distribution.rules.web;

import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The distribution settings page. Numbers are typed as text so that "abc" gets this page's own
 * message; the patterns mirror the table's CHECK constraints (rates 0-100 with two decimals,
 * attribution 1-365 days, return window 0/7/14/30, money never negative).
 */
public class DistributionSettingsForm {

    static final String PERCENT = "^\\s*(100([.,]0{1,2})?|\\d{1,2}([.,]\\d{1,2})?)\\s*$";
    static final String MONEY = "^\\s*\\d{1,15}([.,]\\d{1,2})?\\s*$";
    static final String OPTIONAL_MONEY = "^\\s*(\\d{1,15}([.,]\\d{1,2})?)?\\s*$";

    @NotNull(message = "{admin.distribution.validation.required}")
    private @Nullable EnrolmentRule enrolmentRule;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = PERCENT, message = "{admin.distribution.validation.percent}")
    private @Nullable String level1Percent;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = PERCENT, message = "{admin.distribution.validation.percent}")
    private @Nullable String level2Percent;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = "^\\s*([1-9]|[1-9]\\d|[12]\\d\\d|3[0-5]\\d|36[0-5])\\s*$",
            message = "{admin.distribution.validation.attributionDays}")
    private @Nullable String attributionDays;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = "^(0|7|14|30)$", message = "{admin.distribution.validation.returnWindow}")
    private @Nullable String returnWindowDays;

    @NotNull(message = "{admin.distribution.validation.required}")
    private @Nullable WelcomeKind welcomeKind;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = MONEY, message = "{admin.distribution.validation.amount}")
    private @Nullable String welcomeValue;

    @Pattern(regexp = OPTIONAL_MONEY, message = "{admin.distribution.validation.amount}")
    private @Nullable String welcomeCap;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = PERCENT, message = "{admin.distribution.validation.percent}")
    private @Nullable String storeCreditBonusPercent;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = MONEY, message = "{admin.distribution.validation.amount}")
    private @Nullable String withdrawalMinimum;

    @NotBlank(message = "{admin.distribution.validation.required}")
    @Pattern(regexp = PERCENT, message = "{admin.distribution.validation.percent}")
    private @Nullable String withdrawalFeePercent;

    @Pattern(regexp = OPTIONAL_MONEY, message = "{admin.distribution.validation.amount}")
    private @Nullable String monthlyBudget;

    @Size(max = 4000, message = "{admin.distribution.validation.shareTexts}")
    private @Nullable String shareTexts;

    /** The owner's "yes, save anyway" after being warned that the rates pay a large share of prices. */
    private boolean payoutConfirmed;

    static DistributionSettingsForm of(DistributionSettings s) {
        DistributionSettingsForm form = new DistributionSettingsForm();
        form.enrolmentRule = s.enrolmentRule();
        form.level1Percent = text(s.level1Percent());
        form.level2Percent = text(s.level2Percent());
        form.attributionDays = Integer.toString(s.attributionDays());
        form.returnWindowDays = Integer.toString(s.returnWindowDays());
        form.welcomeKind = s.welcomeKind();
        form.welcomeValue = text(s.welcomeValue());
        form.welcomeCap = s.welcomeCap() == null ? "" : text(s.welcomeCap());
        form.storeCreditBonusPercent = text(s.storeCreditBonusPercent());
        form.withdrawalMinimum = text(s.withdrawalMinimum());
        form.withdrawalFeePercent = text(s.withdrawalFeePercent());
        form.monthlyBudget = s.monthlyBudget() == null ? "" : text(s.monthlyBudget());
        form.shareTexts = s.shareTexts();
        return form;
    }

    /** The validated form as settings; call only when there are no errors. */
    DistributionSettings toSettings() {
        String texts = shareTexts == null ? null : shareTexts.strip().replace("\r\n", "\n");
        return new DistributionSettings(required(enrolmentRule), number(level1Percent), number(level2Percent),
                Integer.parseInt(required(attributionDays).strip()), Integer.parseInt(required(returnWindowDays)),
                required(welcomeKind), number(welcomeValue), optional(welcomeCap), number(storeCreditBonusPercent),
                number(withdrawalMinimum), number(withdrawalFeePercent), optional(monthlyBudget),
                texts == null || texts.isEmpty() ? null : texts);
    }

    static @Nullable BigDecimal optional(@Nullable String value) {
        return value == null || value.isBlank() ? null : number(value);
    }

    static BigDecimal number(@Nullable String value) {
        return new BigDecimal(required(value).strip().replace(',', '.'));
    }

    private static String text(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("validated field is missing");
        }
        return value;
    }

    public @Nullable EnrolmentRule getEnrolmentRule() { return enrolmentRule; }
    public void setEnrolmentRule(@Nullable EnrolmentRule v) { enrolmentRule = v; }
    public @Nullable String getLevel1Percent() { return level1Percent; }
    public void setLevel1Percent(@Nullable String v) { level1Percent = v; }
    public @Nullable String getLevel2Percent() { return level2Percent; }
    public void setLevel2Percent(@Nullable String v) { level2Percent = v; }
    public @Nullable String getAttributionDays() { return attributionDays; }
    public void setAttributionDays(@Nullable String v) { attributionDays = v; }
    public @Nullable String getReturnWindowDays() { return returnWindowDays; }
    public void setReturnWindowDays(@Nullable String v) { returnWindowDays = v; }
    public @Nullable WelcomeKind getWelcomeKind() { return welcomeKind; }
    public void setWelcomeKind(@Nullable WelcomeKind v) { welcomeKind = v; }
    public @Nullable String getWelcomeValue() { return welcomeValue; }
    public void setWelcomeValue(@Nullable String v) { welcomeValue = v; }
    public @Nullable String getWelcomeCap() { return welcomeCap; }
    public void setWelcomeCap(@Nullable String v) { welcomeCap = v; }
    public @Nullable String getStoreCreditBonusPercent() { return storeCreditBonusPercent; }
    public void setStoreCreditBonusPercent(@Nullable String v) { storeCreditBonusPercent = v; }
    public @Nullable String getWithdrawalMinimum() { return withdrawalMinimum; }
    public void setWithdrawalMinimum(@Nullable String v) { withdrawalMinimum = v; }
    public @Nullable String getWithdrawalFeePercent() { return withdrawalFeePercent; }
    public void setWithdrawalFeePercent(@Nullable String v) { withdrawalFeePercent = v; }
    public @Nullable String getMonthlyBudget() { return monthlyBudget; }
    public void setMonthlyBudget(@Nullable String v) { monthlyBudget = v; }
    public boolean isPayoutConfirmed() { return payoutConfirmed; }
    public void setPayoutConfirmed(boolean v) { payoutConfirmed = v; }
    public @Nullable String getShareTexts() { return shareTexts; }
    public void setShareTexts(@Nullable String v) { shareTexts = v; }
}

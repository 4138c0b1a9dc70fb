package com.micromall.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

@MicromallTest
@Transactional
class DistributionSettingsServiceTests {

    @Autowired
    DistributionSettingsService settings;

    @Autowired
    AuditLog auditLog;

    @Test
    void theDefaultsAreThoseOfTheDesign() {
        DistributionSettings current = settings.current();
        assertThat(current.enrolmentRule()).isEqualTo(EnrolmentRule.EVERYONE);
        assertThat(current.level1Percent()).isEqualByComparingTo("10");
        assertThat(current.level2Percent()).isEqualByComparingTo("0");
        assertThat(current.levelTwoOn()).isFalse();
        assertThat(current.attributionDays()).isEqualTo(30);
        assertThat(current.returnWindowDays()).isEqualTo(7);
        assertThat(current.welcomeKind()).isEqualTo(WelcomeKind.PERCENT);
        assertThat(current.welcomeValue()).isEqualByComparingTo("10");
        assertThat(current.welcomeCap()).isNull();
        assertThat(current.storeCreditBonusPercent()).isEqualByComparingTo("20");
        assertThat(current.withdrawalMinimum()).isEqualByComparingTo("10.00");
        assertThat(current.withdrawalFeePercent()).isEqualByComparingTo("0");
        assertThat(current.monthlyBudget()).isNull();
    }

    @Test
    void aChangeIsStoredAndEachChangedFieldIsAuditedOldToNew() {
        DistributionSettings before = settings.current();
        DistributionSettings changed = new DistributionSettings(EnrolmentRule.APPROVAL, new BigDecimal("12.5"),
                new BigDecimal("2"), before.attributionDays(), 14, before.welcomeKind(), before.welcomeValue(),
                new BigDecimal("50.00"), before.storeCreditBonusPercent(), before.withdrawalMinimum(),
                before.withdrawalFeePercent(), before.monthlyBudget(), before.shareTexts());

        DistributionSettings after = settings.update(changed, "owner@demo.micromall");

        assertThat(after.levelTwoOn()).isTrue();
        assertThat(after.level1Percent()).isEqualByComparingTo("12.5");
        assertThat(after.returnWindowDays()).isEqualTo(14);
        assertThat(auditLog.latest(5)).extracting(AuditLog.Entry::subject).containsExactlyInAnyOrder(
                "enrolmentRule", "level1Percent", "level2Percent", "returnWindowDays", "welcomeCap");
        assertThat(auditLog.latest(5)).anySatisfy(entry -> {
            assertThat(entry.subject()).isEqualTo("level1Percent");
            assertThat(entry.oldValue()).isEqualTo("10");
            assertThat(entry.newValue()).isEqualTo("12.5");
            assertThat(entry.actor()).isEqualTo("owner@demo.micromall");
        });
    }
}

package com.micromall.settings;

import com.micromall.settings.internal.DistributionSettingsStore;
import java.math.BigDecimal;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one place the distribution rules are read from, and the owner changes them through (audited). */
@Service
@RequiredArgsConstructor
public class DistributionSettingsService {

    private final DistributionSettingsStore store;
    private final AuditLog auditLog;

    /** The rules now, from the cache ({@link DistributionSettingsStore#cached}). */
    public DistributionSettings current() {
        return store.cached();
    }

    /** Saves the owner's new rules and writes one audit line per field that changed. */
    @CacheEvict(cacheNames = DistributionSettingsStore.CACHE, allEntries = true)
    @Transactional
    public DistributionSettings update(DistributionSettings after, String actor) {
        DistributionSettings before = store.load();
        store.save(after);
        audit(actor, "enrolmentRule", before.enrolmentRule(), after.enrolmentRule());
        audit(actor, "level1Percent", before.level1Percent(), after.level1Percent());
        audit(actor, "level2Percent", before.level2Percent(), after.level2Percent());
        audit(actor, "attributionDays", before.attributionDays(), after.attributionDays());
        audit(actor, "returnWindowDays", before.returnWindowDays(), after.returnWindowDays());
        audit(actor, "welcomeKind", before.welcomeKind(), after.welcomeKind());
        audit(actor, "welcomeValue", before.welcomeValue(), after.welcomeValue());
        audit(actor, "welcomeCap", before.welcomeCap(), after.welcomeCap());
        audit(actor, "storeCreditBonusPercent", before.storeCreditBonusPercent(), after.storeCreditBonusPercent());
        audit(actor, "withdrawalMinimum", before.withdrawalMinimum(), after.withdrawalMinimum());
        audit(actor, "withdrawalFeePercent", before.withdrawalFeePercent(), after.withdrawalFeePercent());
        audit(actor, "monthlyBudget", before.monthlyBudget(), after.monthlyBudget());
        audit(actor, "shareTexts", before.shareTexts(), after.shareTexts());
        return store.load();
    }

    private void audit(String actor, String field, @Nullable Object before, @Nullable Object after) {
        auditLog.recordChange(actor, "settings.distribution", field, text(before), text(after));
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : Objects.toString(value);
    }
}

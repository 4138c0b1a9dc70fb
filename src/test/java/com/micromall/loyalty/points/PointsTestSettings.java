package com.micromall.loyalty.points;

import java.math.BigDecimal;

/** Switches points on with the given terms for a test and puts the terms found before back afterwards. */
final class PointsTestSettings {

    private final PointsSettingsService settings;
    private final PointsSettings original;

    PointsTestSettings(PointsSettingsService settings) {
        this.settings = settings;
        this.original = settings.current();
    }

    void on(String perUnit, long referral, String value, String capPercent, int months) {
        PointsSettings now = settings.current();
        settings.update(new PointsSettings(true, new BigDecimal(perUnit), referral, new BigDecimal(value),
                new BigDecimal(capPercent), months, now.version()), "test");
    }

    void restore() {
        PointsSettings now = settings.current();
        settings.update(new PointsSettings(original.enabled(), original.pointsPerUnit(), original.referralPoints(),
                original.pointValue(), original.capPercent(), original.expiryMonths(), now.version()), "test");
    }
}

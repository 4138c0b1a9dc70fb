package com.micromall.loyalty.points.web;

import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/**
 * The owner's points terms as typed. Numbers stay text so a typo comes back as typed, with a message; {@code version}
 * is the version the form was opened on, so a form sent twice or from a stale tab changes nothing it should not.
 */
@Getter
@Setter
public class PointsSettingsForm {

    private boolean enabled;
    private @Nullable String pointsPerUnit;
    private @Nullable String referralPoints;
    private @Nullable String pointValue;
    private @Nullable String capPercent;
    private @Nullable String expiryMonths;
    private long version;
}

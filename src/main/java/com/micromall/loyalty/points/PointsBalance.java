package com.micromall.loyalty.points;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer's points: what they may spend, what is still frozen for the return window, and what runs out within a
 * month (first on {@code expiringOn}).
 */
public record PointsBalance(long available, long frozen, long expiringSoon, @Nullable Instant expiringOn) {

    public static final PointsBalance NONE = new PointsBalance(0, 0, 0, null);

    public boolean any() {
        return available != 0 || frozen != 0;
    }
}

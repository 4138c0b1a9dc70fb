package com.micromall.loyalty;

import java.time.Instant;

/** Some of a customer's points run out soon: {@code points} of them, the first on {@code expiresAt}. */
public record PointsExpiring(long customerId, long points, Instant expiresAt, long available) {
}

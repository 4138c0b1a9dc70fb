package com.micromall.loyalty.points;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a customer's points history. */
public record PointsEntry(long id, PointsKind kind, PointsState state, long points, String source,
                          @Nullable String orderNumber, Instant createdAt, @Nullable Instant unfreezesAt,
                          @Nullable Instant expiresAt) {
}

package com.micromall.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer moved up to a member level (never published for a move down). {@code heldUntil} is the end of the
 * period the level is kept for, whatever the customer's spend does meanwhile.
 */
public record MemberLevelReached(long customerId, long levelId, String levelName, BigDecimal discountPercent,
                                 Instant reachedAt, Instant heldUntil) {
}

package com.micromall.distribution;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A distributor moved up to a higher tier: orders their friends place from now on earn the tier's rates. Said once
 * per move up, when the completed order that lifted them was credited.
 *
 * @param level2Percent the tier's level-2 rate, null when it uses the shop's
 * @param previousTierName the tier held before, null when they were on the shop's rates
 * @param heldUntil the tier is kept at least until then, whatever the figures do meanwhile
 */
public record DistributorTierRaised(long distributorId, long tierId, String tierName, BigDecimal level1Percent,
                                    @Nullable BigDecimal level2Percent, @Nullable String previousTierName,
                                    Instant raisedAt, Instant heldUntil) {
}

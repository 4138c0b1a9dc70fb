package com.micromall.loyalty.levels;

import java.time.Instant;
import java.util.List;

/**
 * The points a customer earned in a window, less what refunds took back of them: what a level measures when the owner
 * counts points. The points module provides it; levels only asks.
 */
public interface EarnedPoints {

    /** Points earned after {@code since} up to {@code now}, net of their reversals and clawbacks; never negative. */
    long earnedBetween(long customerId, Instant since, Instant now);

    /** The customers who earned points after {@code since} up to {@code now}. */
    List<Long> earnersBetween(Instant since, Instant now);
}

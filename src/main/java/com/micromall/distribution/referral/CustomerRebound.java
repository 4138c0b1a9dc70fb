package com.micromall.distribution.referral;

import java.time.Instant;

/**
 * Last share wins: a bound customer followed another distributor's link after the protection period and is now
 * theirs (published inside the change's transaction). Orders placed before keep their referrer.
 */
public record CustomerRebound(long previousReferrerId, long referrerId, long refereeId, Instant reboundAt) {
}

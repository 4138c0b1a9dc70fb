package com.micromall.distribution.referral;

import java.time.Instant;

/** A customer was bound to their referrer for good (published inside the binding's transaction). */
public record CustomerBound(long referrerId, long refereeId, Instant boundAt) {
}

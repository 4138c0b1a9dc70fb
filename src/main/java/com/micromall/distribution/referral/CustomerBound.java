package com.micromall.distribution.referral;

import java.time.Instant;

/**
 * A customer was bound to their referrer for good (published inside the binding's transaction).
 *
 * @param throughLink bound by the share link's cookie (not by a code typed in), so a click preceded it
 */
public record CustomerBound(long referrerId, long refereeId, Instant boundAt, boolean throughLink) {
}

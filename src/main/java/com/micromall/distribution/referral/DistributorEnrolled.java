package com.micromall.distribution.referral;

import java.time.Instant;

/**
 * A customer became an ACTIVE distributor (enrolled under the owner's rule, or approved): from now on their share
 * link earns.
 *
 * @param sharePath the share link without the shop's address, e.g. {@code /r/756MKHG8}
 */
public record DistributorEnrolled(long customerId, String code, String sharePath, Instant enrolledAt) {
}

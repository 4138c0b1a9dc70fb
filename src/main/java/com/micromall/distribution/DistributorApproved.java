package com.micromall.distribution;

import java.time.Instant;

/** The owner approved a pending distributor: from now on their share link earns. */
public record DistributorApproved(long customerId, String code, Instant approvedAt) {
}

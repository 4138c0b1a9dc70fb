package com.micromall.distribution;

import java.time.Instant;

/** A customer became a distributor: from now on their code binds friends and their friends' orders earn them. */
public record DistributorEnrolled(long customerId, String code, Instant enrolledAt) {
}

package com.micromall.distribution.referral;

import java.time.Instant;

/** A distributor's status was set: at enrolment (pending or active), on approval, suspension or reactivation. */
public record DistributorStatusChanged(long customerId, DistributorStatus status, Instant changedAt) {
}

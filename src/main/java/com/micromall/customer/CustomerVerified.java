package com.micromall.customer;

import java.time.Instant;

/** The customer opened the link mailed to them: their e-mail address is theirs. */
public record CustomerVerified(long customerId, Instant verifiedAt) {
}

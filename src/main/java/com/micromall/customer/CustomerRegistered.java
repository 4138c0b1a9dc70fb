package com.micromall.customer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new account was created. {@code referralCode} is what the visitor typed in (or what the
 * attribution cookie carried into) the registration form, for {@code distribution} to bind;
 * {@code deviceHash} a salted hash of IP and user agent (never the raw IP), for its abuse guard.
 */
public record CustomerRegistered(
        long customerId,
        String name,
        String email,
        Instant registeredAt,
        @Nullable String referralCode,
        @Nullable String deviceHash) {
}

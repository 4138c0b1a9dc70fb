package com.micromall.customer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new account was created. {@code referralCode} is what the visitor typed in (or what the
 * attribution cookie carried into) the registration form, for {@code distribution} to bind;
 * {@code deviceHash} a keyed hash of IP and user agent and {@code networkHash} one of the IP alone (never the
 * raw IP), for its abuse guard.
 */
public record CustomerRegistered(
        long customerId,
        String name,
        String email,
        Instant registeredAt,
        @Nullable String referralCode,
        @Nullable String deviceHash,
        @Nullable String networkHash) {

    /** A registration whose network is not known (an import, a fixture). */
    public CustomerRegistered(long customerId, String name, String email, Instant registeredAt,
                              @Nullable String referralCode, @Nullable String deviceHash) {
        this(customerId, name, email, registeredAt, referralCode, deviceHash, null);
    }
}

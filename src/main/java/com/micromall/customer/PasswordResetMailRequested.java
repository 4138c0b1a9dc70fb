package com.micromall.customer;

/**
 * A customer asked for a password reset link. Published after the token is committed, for a
 * plain (not transactional) listener: it carries the raw token, which must never be written to
 * the event outbox, so it is not an application-module event and is not retried — a customer
 * whose mail got lost simply asks again.
 */
public record PasswordResetMailRequested(long customerId, String token) {

    @Override
    public String toString() {
        return "PasswordResetMailRequested[customer " + customerId + "]"; // never the token
    }
}

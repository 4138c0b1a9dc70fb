package com.micromall.customer;

/**
 * A customer needs a link that confirms their e-mail address (after registration, or asked
 * again). Like {@link PasswordResetMailRequested} it carries the raw token, so it is published
 * after commit to plain listeners only and never reaches the event outbox.
 */
public record VerificationMailRequested(long customerId, String token) {

    @Override
    public String toString() {
        return "VerificationMailRequested[customer " + customerId + "]"; // never the token
    }
}

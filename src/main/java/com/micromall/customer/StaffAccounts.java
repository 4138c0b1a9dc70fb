package com.micromall.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * The accounts of the shop's staff, for the module that invites them. An invitation is a single-use link like a
 * password reset: opening it sets the password and makes the account STAFF (an existing customer with that address
 * keeps their account and history and is promoted).
 */
public interface StaffAccounts {

    /** A staff member's account and the raw invitation token, for the mail only. */
    record Invitation(long customerId, String token) {

        @Override
        public String toString() {
            return "Invitation[customer " + customerId + "]"; // never the token
        }
    }

    /**
     * Finds or opens the account for {@code email} and issues a fresh invitation link (an older one stops working).
     * Must run inside the caller's transaction, so the link exists only when the invitation does.
     */
    Invitation invite(String email, String name, Locale locale);

    /** The account a live invitation link belongs to, without using it up (to show the form). */
    Optional<Long> invitee(String token);

    /**
     * Uses the link up: sets the password, confirms the address and makes the account STAFF. Of two requests with one
     * link only one gets the account.
     *
     * @return the account's id, or empty when the link is unknown, expired, used or replaced
     */
    Optional<Long> accept(String token, String rawPassword);

    /** Back to a plain customer account, signed out everywhere (the owner deactivated the staff member). */
    void leaveStaff(long customerId);
}

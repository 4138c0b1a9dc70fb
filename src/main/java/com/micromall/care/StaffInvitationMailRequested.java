package com.micromall.care;

/**
 * The owner invited someone to the shop's staff. Published after the invitation is committed, for a plain (not
 * transactional) listener: it carries the raw single-use token, which must never be written to the event outbox, so a
 * lost mail is not retried - the owner invites again.
 */
public record StaffInvitationMailRequested(long customerId, String token) {

    @Override
    public String toString() {
        return "StaffInvitationMailRequested[customer " + customerId + "]"; // never the token
    }
}

package com.micromall.customer;

/**
 * Whether an invitation code typed at sign-up belongs to a sharer. The module that owns the codes
 * implements it, so registration can say "no sharer has this code" instead of ignoring a typo.
 */
public interface InvitationCodes {

    boolean exists(String typedCode);
}

package com.micromall.customer.internal;

/** The current password typed to confirm a password change does not match. */
public class WrongPasswordException extends RuntimeException {

    public WrongPasswordException() {
        super("The current password does not match");
    }
}

package com.micromall.customer.internal;

/** Somebody already has an account with this e-mail (in whatever case it was typed). */
public class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException(String email) {
        super("Already registered: " + email);
    }
}

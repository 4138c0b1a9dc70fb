package com.micromall.customer;

/** What an account may do: shop (and share), help run the shop (customer files and care, never money), or run it. */
public enum Role {
    CUSTOMER,
    OWNER,
    STAFF;

    public String authority() {
        return "ROLE_" + name();
    }
}

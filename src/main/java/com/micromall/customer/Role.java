package com.micromall.customer;

/** What an account may do: shop (and share), or run the shop. */
public enum Role {
    CUSTOMER,
    OWNER;

    public String authority() {
        return "ROLE_" + name();
    }
}

package com.micromall.customer.internal;

/** A customer keeps at most {@link AddressBook#MAX_ADDRESSES} addresses. */
public class AddressLimitReachedException extends RuntimeException {

    public AddressLimitReachedException() {
        super("At most " + AddressBook.MAX_ADDRESSES + " addresses");
    }
}

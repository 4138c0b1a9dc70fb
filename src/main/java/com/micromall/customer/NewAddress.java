package com.micromall.customer;

import org.jspecify.annotations.Nullable;

/** An address as typed (e.g. at checkout), to be kept in the customer's address book. */
public record NewAddress(String recipient, String phone, String line1, @Nullable String line2, String city,
                         String postalCode, String country) {
}

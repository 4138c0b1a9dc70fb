package com.micromall.customer.internal;

import org.jspecify.annotations.Nullable;

/** What a customer typed into the address form, already validated by the page. */
public record AddressDetails(String recipient, String phone, String line1, @Nullable String line2, String city,
                             String postalCode, String country) {
}

package com.micromall.customer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A shipping address of a customer. */
public record Address(
        long id,
        String recipient,
        String phone,
        String line1,
        @Nullable String line2,
        String city,
        String postalCode,
        String country,
        boolean isDefault,
        @Nullable Instant lastUsedAt) {

    /** One line for order pages and e-mails. */
    public String singleLine() {
        return String.join(", ", line2 == null || line2.isBlank()
                ? new String[] {recipient, line1, postalCode + " " + city, country}
                : new String[] {recipient, line1, line2, postalCode + " " + city, country});
    }
}

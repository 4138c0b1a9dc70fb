package com.micromall.customer;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A customer as other modules see it.
 *
 * @param locale the language the customer registered in (or last chose); e-mails use it
 */
public record CustomerProfile(
        long id,
        String name,
        String email,
        @Nullable String phone,
        @Nullable String wechatId,
        Role role,
        Locale locale,
        Instant createdAt) {
}

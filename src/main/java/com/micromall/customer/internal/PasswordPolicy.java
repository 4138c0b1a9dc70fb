package com.micromall.customer.internal;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, wherever one is chosen (sign-up, change, reset). BCrypt reads only the first
 * 72 bytes, so longer ones are refused rather than silently cut; the most common passwords are the first an
 * attacker tries, so the top of zxcvbn's ranked list is refused, as is a password that is the account's own
 * e-mail or name.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_BYTES = 72;
    static final int COMMON_PASSWORDS = 10_000;
    /** "aaaaaaaa" or "abababab" are not in any list but are guessed as quickly. */
    private static final int MIN_DISTINCT_CHARACTERS = 4;

    private final Set<String> common;

    public PasswordPolicy() {
        try {
            List<String> ranked = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
            this.common = new HashSet<>(ranked.subList(0, Math.min(COMMON_PASSWORDS, ranked.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the message key saying why {@code password} is refused, or empty when it is acceptable */
    public Optional<String> refusal(String password, @Nullable String email, @Nullable String name) {
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("customer.validation.password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("customer.validation.password.tooLong");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("customer.validation.password.common");
        }
        if (sameAs(lower, email) || sameAs(lower, localPart(email)) || sameAs(lower, name)
                || sameAs(lower.replace(" ", ""), name == null ? null : name.replace(" ", ""))) {
            return Optional.of("customer.validation.password.personal");
        }
        return Optional.empty();
    }

    private static boolean sameAs(String lowerPassword, @Nullable String other) {
        return other != null && !other.isBlank() && lowerPassword.equals(other.strip().toLowerCase(Locale.ROOT));
    }

    private static @Nullable String localPart(@Nullable String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at > 0 ? email.substring(0, at) : null;
    }
}

package com.micromall.shared;

import java.security.SecureRandom;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The codes people read aloud or type from a screenshot (a sharer's referral code, a staff member's code): 8
 * characters drawn with SecureRandom from an alphabet without look-alikes (no 0/O, 1/I/L), so a code is unambiguous
 * and says nothing about the account it belongs to.
 */
public final class PersonalCodes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored (upper case, trimmed), or null when it cannot be a code at all. */
    public static @Nullable String normalize(@Nullable String input) {
        if (input == null) {
            return null;
        }
        String code = input.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return null;
        }
        return code;
    }
}

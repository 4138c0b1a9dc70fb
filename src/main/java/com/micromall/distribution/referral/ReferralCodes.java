package com.micromall.distribution.referral;

import com.micromall.shared.PersonalCodes;
import org.jspecify.annotations.Nullable;

/** Share codes are {@link PersonalCodes}: the same alphabet as staff codes, so one typed code reads like the other. */
public final class ReferralCodes {

    static final String ALPHABET = PersonalCodes.ALPHABET;
    static final int LENGTH = PersonalCodes.LENGTH;

    private ReferralCodes() {
    }

    public static String next() {
        return PersonalCodes.next();
    }

    /** The code as stored (upper case, trimmed), or null when it cannot be a code at all. */
    public static @Nullable String normalize(@Nullable String input) {
        return PersonalCodes.normalize(input);
    }
}

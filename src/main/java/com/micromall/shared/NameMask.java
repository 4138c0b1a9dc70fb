package com.micromall.shared;

/**
 * Invitees' and buyers' names as a distributor sees them: first and last character with three stars
 * between ("Anna" → "A***a", "王小明" → "王***明"), so a sharer recognises a friend without the page
 * spelling out anyone's name. Names of one or two characters keep only the first ("Li" → "L***"), or
 * the mask would give the whole name away. Works on code points, so no character is cut in half.
 */
public final class NameMask {

    public static final String STARS = "***";

    private NameMask() {
    }

    public static String mask(String name) {
        String trimmed = name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0) {
            return STARS;
        }
        String first = new String(Character.toChars(trimmed.codePointAt(0)));
        if (length <= 2) {
            return first + STARS;
        }
        String last = new String(Character.toChars(trimmed.codePointBefore(trimmed.length())));
        return first + STARS + last;
    }
}

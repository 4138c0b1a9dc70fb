package com.micromall.shared.web;

import java.util.Locale;

/**
 * A guest's own banner on top of a kept guest page ({@link KeptPages}), chosen by one cookie
 * of theirs (e.g. the referral code's welcome): the rest of the page is the same for every guest, so
 * it is kept once and the banner is put in where the layout marks it ({@link #MARK}). Implement it as
 * a bean (at most one); pages the cache does not keep render the banner in the layout as usual.
 */
public interface GuestBanner {

    /** Written by the layout just before its banner: where a kept page gets a guest's banner. */
    String MARK = "<!--guest-banner-->";

    /** The cookie that chooses the banner. */
    String cookie();

    /**
     * The banner's HTML for this cookie value in this language, exactly as the layout renders it, or
     * "" when the value stands for no banner.
     */
    String html(String cookieValue, Locale locale);
}

package com.micromall.customer;

/**
 * The attribution cookie a share link sets (written by {@code distribution}, read by registration
 * to prefill the invitation code). It holds only the referral code; its lifetime is the
 * attribution window.
 */
public final class ReferralAttribution {

    public static final String COOKIE = "mm_ref";

    private ReferralAttribution() {
    }
}

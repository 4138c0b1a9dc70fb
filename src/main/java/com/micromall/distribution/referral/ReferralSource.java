package com.micromall.distribution.referral;

/** How a binding came about: the share link's cookie, a code typed at registration, or typed later (before the first order). */
public enum ReferralSource { LINK, TYPED_AT_REGISTRATION, TYPED_LATER }

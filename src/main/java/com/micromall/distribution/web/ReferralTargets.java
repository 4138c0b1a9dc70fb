package com.micromall.distribution.web;

import org.jspecify.annotations.Nullable;

/** Where a share link may send a visitor: only a path on this shop, never another site (no open redirect). */
final class ReferralTargets {

    private ReferralTargets() {
    }

    static String safeLocalPath(@Nullable String next) {
        if (next == null
                || next.length() > 300
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.indexOf('\\') >= 0
                || next.contains("://")
                || next.indexOf('{') >= 0 || next.indexOf('}') >= 0
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return next;
    }
}

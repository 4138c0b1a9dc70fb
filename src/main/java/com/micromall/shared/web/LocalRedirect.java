package com.micromall.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * Where a visitor may be sent after registering, logging in or following a share link: only a
 * path on this shop. "//evil", "/\evil",
 * "http://..." and anything with control characters would leave it (an open redirect).
 */
public final class LocalRedirect {

    public static final String HOME = "/";

    /** Longer paths are refused: no page of the shop needs one, and clicks store the landing path in 300 characters. */
    public static final int MAX_LENGTH = 300;

    private LocalRedirect() {
    }

    public static boolean isSafe(@Nullable String path) {
        return path != null
                && path.length() <= MAX_LENGTH
                && path.startsWith("/")
                && !path.startsWith("//")
                && path.indexOf('\\') < 0
                && path.indexOf('{') < 0 && path.indexOf('}') < 0
                && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f)
                && !path.contains("://");
    }

    public static String orHome(@Nullable String path) {
        return isSafe(path) ? path : HOME;
    }
}

package com.micromall.customer.web;

import org.jspecify.annotations.Nullable;

/**
 * Where to send a visitor after registering: only a path on this shop. "//evil", "/\evil",
 * "http://..." and anything with control characters would leave it (an open redirect).
 */
final class LocalRedirect {

    static final String HOME = "/";

    private LocalRedirect() {
    }

    static boolean isSafe(@Nullable String path) {
        return path != null
                && path.length() <= 500
                && path.startsWith("/")
                && !path.startsWith("//")
                && path.indexOf('\\') < 0
                && path.indexOf('{') < 0 && path.indexOf('}') < 0
                && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f)
                && !path.contains("://");
    }

    static String orHome(@Nullable String path) {
        return isSafe(path) ? path : HOME;
    }
}

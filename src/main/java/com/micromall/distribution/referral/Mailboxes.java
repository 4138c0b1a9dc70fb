package com.micromall.distribution.referral;

import java.util.Locale;
import java.util.Set;

/**
 * Whether two e-mail addresses reach one mailbox: case never matters, a {@code +tag} never does, and where the
 * provider ignores dots in the name (Gmail, whose googlemail.com is the same mailbox) neither do dots.
 */
public final class Mailboxes {

    private static final Set<String> DOTLESS = Set.of("gmail.com", "googlemail.com");

    private Mailboxes() {
    }

    public static boolean same(String a, String b) {
        return mailbox(a).equals(mailbox(b));
    }

    static String mailbox(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String name = address.substring(0, at);
        String domain = address.substring(at + 1);
        int plus = name.indexOf('+');
        if (plus > 0) {
            name = name.substring(0, plus);
        }
        if (DOTLESS.contains(domain)) {
            name = name.replace(".", "");
            domain = "gmail.com";
        }
        return name + "@" + domain;
    }
}

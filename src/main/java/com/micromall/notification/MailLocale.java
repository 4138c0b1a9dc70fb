package com.micromall.notification;

import java.util.Locale;

/**
 * The four languages the shop writes e-mails in. A customer's stored locale is mapped onto one of
 * them (zh-HK reads Traditional, tl reads Filipino); anything else gets English.
 */
final class MailLocale {

    static final Locale FILIPINO = Locale.forLanguageTag("fil");

    private MailLocale() {
    }

    static Locale of(Locale customerLocale) {
        String language = customerLocale.getLanguage();
        if (language.equals("zh")) {
            String country = customerLocale.getCountry();
            boolean traditional = customerLocale.getScript().equals("Hant")
                    || country.equals("TW") || country.equals("HK") || country.equals("MO");
            return traditional ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE;
        }
        if (language.equals("fil") || language.equals("tl")) {
            return FILIPINO;
        }
        return Locale.ENGLISH;
    }
}

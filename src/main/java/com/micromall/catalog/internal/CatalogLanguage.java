package com.micromall.catalog.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a product or category can be named in besides the shop's main language (English, the shop's
 * default language): the product's own name and description are the main-language text, and a page in one of
 * these languages shows the translation where the owner gave one, the main text otherwise.
 */
public enum CatalogLanguage {
    ZH_CN(Locale.SIMPLIFIED_CHINESE),
    ZH_TW(Locale.TRADITIONAL_CHINESE),
    FIL(Locale.forLanguageTag("fil"));

    private final Locale locale;

    CatalogLanguage(Locale locale) {
        this.locale = locale;
    }

    /** How the language is stored and named in message keys: "zh_CN", "zh_TW", "fil". */
    public String code() {
        return locale.toString();
    }

    /** The translation language for a reader's locale; empty for the main language (or one the shop does not speak). */
    public static Optional<CatalogLanguage> of(Locale locale) {
        return Arrays.stream(values()).filter(language -> language.locale.equals(locale)).findFirst();
    }

    /** The code to look translations up with: a reader in the main language matches none. */
    static String lookupCode(Locale locale) {
        return of(locale).map(CatalogLanguage::code).orElse("");
    }
}

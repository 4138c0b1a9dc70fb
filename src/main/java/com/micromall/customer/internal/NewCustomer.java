package com.micromall.customer.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's registration, validated by the page. {@code referralCode}, {@code deviceHash} and {@code networkHash}
 * only travel on in {@link com.micromall.customer.CustomerRegistered} for {@code distribution}.
 */
public record NewCustomer(String name, String email, String rawPassword, @Nullable String phone,
                          @Nullable String wechatId, @Nullable String referralCode, @Nullable String deviceHash,
                          Locale locale, @Nullable String networkHash) {

    /** A registration whose network is not known (an import, a fixture). */
    public NewCustomer(String name, String email, String rawPassword, @Nullable String phone, @Nullable String wechatId,
                       @Nullable String referralCode, @Nullable String deviceHash, Locale locale) {
        this(name, email, rawPassword, phone, wechatId, referralCode, deviceHash, locale, null);
    }

    @Override
    public String toString() {
        return "NewCustomer[" + email + "]"; // never the password
    }
}

package com.micromall.settings;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** What the owner asks to change on the shop settings page; a null time zone lets the currency decide it. */
public record ShopSettingsChange(
        String shopName,
        Currency currency,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        BigDecimal shippingFee,
        @Nullable ZoneId timeZone) {
}

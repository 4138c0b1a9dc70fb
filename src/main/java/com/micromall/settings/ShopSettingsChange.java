package com.micromall.settings;

import java.math.BigDecimal;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** What the owner asks to change on the shop settings page. */
public record ShopSettingsChange(
        String shopName,
        Currency currency,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        BigDecimal shippingFee) {
}

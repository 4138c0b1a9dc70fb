package com.micromall.settings;

import com.micromall.shared.Money;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** The shop's settings as other modules see them. */
public record ShopSettings(
        String shopName,
        Currency currency,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        Money shippingFee) {
}

package com.micromall.settings;

import com.micromall.shared.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shop's settings as other modules see them. {@code chosenTimeZone} is the zone the owner picked, null while
 * the shop has never picked one; {@link #timeZone()} is the zone the shop lives in either way.
 */
public record ShopSettings(
        String shopName,
        Currency currency,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        Money shippingFee,
        @Nullable ZoneId chosenTimeZone) {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** Where a shop selling in a currency most likely keeps its hours, until the owner says otherwise. */
    private static final Map<String, ZoneId> ZONE_OF_CURRENCY = Map.of(
            "CNY", ZoneId.of("Asia/Shanghai"),
            "TWD", ZoneId.of("Asia/Taipei"),
            "HKD", ZoneId.of("Asia/Hong_Kong"),
            "PHP", ZoneId.of("Asia/Manila"),
            "SGD", ZoneId.of("Asia/Singapore"),
            "USD", ZoneId.of("America/New_York"),
            "EUR", ZoneId.of("Europe/Berlin"),
            "GBP", ZoneId.of("Europe/London"),
            "JPY", ZoneId.of("Asia/Tokyo"));

    /** The zone for days, months and every time shown: the owner's choice, else the currency's region. */
    public ZoneId timeZone() {
        return chosenTimeZone != null ? chosenTimeZone : defaultTimeZone(currency);
    }

    public static ZoneId defaultTimeZone(Currency currency) {
        return ZONE_OF_CURRENCY.getOrDefault(currency.getCurrencyCode(), UTC);
    }
}

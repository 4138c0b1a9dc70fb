package com.micromall.settings.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shop settings page. The fee is typed as text so that "abc" or "-1" get this page's own
 * message instead of a conversion error; its decimals are checked against the chosen currency.
 */
public class ShopSettingsForm {

    static final List<String> CURRENCIES = List.of("CNY", "HKD", "TWD", "PHP", "USD", "EUR", "JPY");

    /** The zones offered in the select: where the shop's currencies are spent, east to west. */
    static final List<String> TIME_ZONES = List.of("Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Hong_Kong",
            "Asia/Taipei", "Asia/Manila", "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Jakarta", "Asia/Bangkok",
            "Asia/Ho_Chi_Minh", "Australia/Sydney", "Pacific/Auckland", "Asia/Kolkata", "Asia/Dubai", "Europe/Moscow",
            "Europe/Berlin", "Europe/Paris", "Europe/London", "UTC", "America/New_York", "America/Chicago",
            "America/Denver", "America/Los_Angeles", "Pacific/Honolulu");

    @NotBlank(message = "{settings.validation.shopName.required}")
    @Size(max = 100, message = "{settings.validation.tooLong}")
    private @Nullable String shopName;

    @NotBlank(message = "{settings.validation.currency.required}")
    @Pattern(regexp = "^(CNY|HKD|TWD|PHP|USD|EUR|JPY)$", message = "{settings.validation.currency.required}")
    private @Nullable String currency;

    @Email(message = "{settings.validation.contactEmail.invalid}")
    @Size(max = 254, message = "{settings.validation.tooLong}")
    private @Nullable String contactEmail;

    @Size(max = 40, message = "{settings.validation.tooLong}")
    private @Nullable String contactPhone;

    @NotBlank(message = "{settings.validation.shippingFee.required}")
    @Pattern(regexp = "^\\s*\\d{1,15}([.,]\\d+)?\\s*$", message = "{settings.validation.shippingFee.invalid}")
    private @Nullable String shippingFee;

    /** An IANA zone id; empty while the shop lets its currency decide. */
    @Size(max = 40, message = "{settings.validation.timeZone.unknown}")
    private @Nullable String timeZone;

    public @Nullable String getShopName() {
        return shopName;
    }

    public void setShopName(@Nullable String shopName) {
        this.shopName = shopName;
    }

    public @Nullable String getCurrency() {
        return currency;
    }

    public void setCurrency(@Nullable String currency) {
        this.currency = currency;
    }

    public @Nullable String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(@Nullable String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public @Nullable String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(@Nullable String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public @Nullable String getShippingFee() {
        return shippingFee;
    }

    public void setShippingFee(@Nullable String shippingFee) {
        this.shippingFee = shippingFee;
    }

    public @Nullable String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(@Nullable String timeZone) {
        this.timeZone = timeZone;
    }
}

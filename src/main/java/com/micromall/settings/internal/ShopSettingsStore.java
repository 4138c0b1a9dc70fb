package com.micromall.settings.internal;

import com.micromall.settings.ShopSettings;
import com.micromall.shared.Money;
import java.time.ZoneId;
import java.util.Currency;
import lombok.RequiredArgsConstructor;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** Maps the single settings row to and from {@link ShopSettings}. */
@Component
@RequiredArgsConstructor
public class ShopSettingsStore {

    public static final String CACHE = "shopSettings";

    private final ShopSettingsRepository repository;

    /**
     * The settings as the shop's pages show them. Cached: every page's layout and prices need them, and this saves
     * a query and a transaction per page view; ShopSettingsService.update evicts it after its commit.
     */
    @Cacheable(cacheNames = CACHE, key = "'current'")
    public ShopSettings cached() {
        return load();
    }

    /** The settings as stored now, for the owner's changes and their checks. */
    public ShopSettings load() {
        ShopSettingsEntity row = row();
        Currency currency = Currency.getInstance(row.getCurrency());
        return new ShopSettings(row.getShopName(), currency, row.getContactEmail(), row.getContactPhone(),
                Money.of(row.getShippingFee(), currency), row.getTimeZone() == null ? null : ZoneId.of(row.getTimeZone()));
    }

    public void save(ShopSettings settings) {
        row().change(settings.shopName(), settings.currency().getCurrencyCode(), settings.contactEmail(),
                settings.contactPhone(), settings.shippingFee().amount(),
                settings.chosenTimeZone() == null ? null : settings.chosenTimeZone().getId());
    }

    private ShopSettingsEntity row() {
        return repository.findById(ShopSettingsEntity.THE_ONLY_ROW)
                .orElseThrow(() -> new IllegalStateException("shop_settings row 1 is missing; Flyway V3 creates it"));
    }
}

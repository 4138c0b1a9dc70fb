package com.micromall.settings;

import com.micromall.settings.internal.ShopSettingsStore;
import com.micromall.shared.Money;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one place other modules read the shop's settings from, and the owner changes them through. */
@Service
@RequiredArgsConstructor
public class ShopSettingsService {

    private final ShopSettingsStore store;
    private final AuditLog auditLog;

    @Transactional(readOnly = true)
    public ShopSettings current() {
        return store.load();
    }

    /** Applies the owner's change and writes one audit line per field that changed. */
    @Transactional
    public ShopSettings update(ShopSettingsChange change, String actor) {
        ShopSettings before = store.load();
        ShopSettings after = new ShopSettings(
                change.shopName().strip(),
                change.currency(),
                blankToNull(change.contactEmail()),
                blankToNull(change.contactPhone()),
                Money.of(change.shippingFee(), change.currency()));
        store.save(after);
        auditLog.recordChange(actor, "settings.shop", "shopName", before.shopName(), after.shopName());
        auditLog.recordChange(actor, "settings.shop", "currency",
                before.currency().getCurrencyCode(), after.currency().getCurrencyCode());
        auditLog.recordChange(actor, "settings.shop", "contactEmail", before.contactEmail(), after.contactEmail());
        auditLog.recordChange(actor, "settings.shop", "contactPhone", before.contactPhone(), after.contactPhone());
        auditLog.recordChange(actor, "settings.shop", "shippingFee",
                before.shippingFee().amount().toPlainString(), after.shippingFee().amount().toPlainString());
        return after;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

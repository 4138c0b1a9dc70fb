package com.micromall.settings;

import com.micromall.settings.internal.ShopSettingsStore;
import com.micromall.shared.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The one place other modules read the shop's settings from, and the owner changes them through. */
@Service
@RequiredArgsConstructor
public class ShopSettingsService {

    private static final String REQUEST_ATTRIBUTE = ShopSettingsService.class.getName() + ".current";

    private final ShopSettingsStore store;
    private final AuditLog auditLog;
    private final ObjectProvider<CurrencyChangeCheck> currencyChecks;
    private final ApplicationEventPublisher events;

    /**
     * The settings now, from the cache ({@link ShopSettingsStore#cached}). Within a web request they are taken once
     * and kept as a request attribute: the layout, prices and cart of one page all ask, and one page should show one
     * version of the settings.
     */
    public ShopSettings current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return store.cached();
        }
        if (request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof ShopSettings settings) {
            return settings;
        }
        ShopSettings settings = store.cached();
        request.setAttribute(REQUEST_ATTRIBUTE, settings, RequestAttributes.SCOPE_REQUEST);
        return settings;
    }

    /**
     * What stops the shop from switching to {@code target}, asked of every module that keeps amounts in the shop's
     * currency; empty when {@code target} is the current currency or every amount fits it.
     */
    @Transactional(readOnly = true)
    public List<MessageSourceResolvable> problemsSwitchingTo(Currency target) {
        if (store.load().currency().equals(target)) {
            return List.of();
        }
        return currencyChecks.orderedStream().flatMap(check -> check.problemsSwitchingTo(target).stream()).toList();
    }

    /**
     * Applies the owner's change and writes one audit line per field that changed.
     *
     * @throws CurrencyChangeRefused when stored amounts have more decimals than the new currency allows
     */
    @CacheEvict(cacheNames = ShopSettingsStore.CACHE, allEntries = true)
    @Transactional
    public ShopSettings update(ShopSettingsChange change, String actor) {
        List<MessageSourceResolvable> problems = problemsSwitchingTo(change.currency());
        if (!problems.isEmpty()) {
            throw new CurrencyChangeRefused(change.currency(), problems);
        }
        ShopSettings before = store.load();
        ShopSettings after = new ShopSettings(
                change.shopName().strip(),
                change.currency(),
                blankToNull(change.contactEmail()),
                blankToNull(change.contactPhone()),
                Money.of(change.shippingFee(), change.currency()),
                change.timeZone());
        store.save(after);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, after, RequestAttributes.SCOPE_REQUEST);
        }
        events.publishEvent(new ShopSettingsChanged(after));
        auditLog.recordChange(actor, "settings.shop", "shopName", before.shopName(), after.shopName());
        auditLog.recordChange(actor, "settings.shop", "currency",
                before.currency().getCurrencyCode(), after.currency().getCurrencyCode());
        auditLog.recordChange(actor, "settings.shop", "contactEmail", before.contactEmail(), after.contactEmail());
        auditLog.recordChange(actor, "settings.shop", "contactPhone", before.contactPhone(), after.contactPhone());
        auditLog.recordChange(actor, "settings.shop", "shippingFee",
                before.shippingFee().amount().toPlainString(), after.shippingFee().amount().toPlainString());
        auditLog.recordChange(actor, "settings.shop", "timeZone", zoneId(before.chosenTimeZone()),
                zoneId(after.chosenTimeZone()));
        return after;
    }

    private static @Nullable String zoneId(@Nullable ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

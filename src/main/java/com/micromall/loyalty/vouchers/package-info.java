/**
 * Vouchers: templates the owner defines (fixed or percent, minimum spend, validity, per-customer limit, scope,
 * whether they combine with the welcome gift), issued to chosen customers, by last order date, by customer tag or
 * member level, on registration and as a referral reward; customers keep them under "My vouchers" and pick one at checkout through order's
 * {@code CheckoutDiscounts} extension point, which marks it used inside the order's transaction under its row lock.
 */
@ApplicationModule(displayName = "Loyalty: vouchers",
        allowedDependencies = {"loyalty", "shared", "settings", "catalog", "customer", "order", "distribution", "care", "loyalty.levels"})
@NullMarked
package com.micromall.loyalty.vouchers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Rewards for loyal customers beyond the sharer's cash: VIP member levels with their member discount, and vouchers
 * the owner issues. Reads the order, customer and catalog APIs and listens to their events; none of them knows this
 * module. Discounts reach checkout through order's {@code CheckoutDiscounts} extension point; its mails are
 * events that notification turns into messages.
 */
@ApplicationModule(displayName = "Loyalty",
        allowedDependencies = {"shared", "settings", "catalog", "customer", "order", "distribution"})
@NullMarked
package com.micromall.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

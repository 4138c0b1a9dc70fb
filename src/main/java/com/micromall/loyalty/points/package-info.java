/**
 * Loyalty points: earned on completed orders and for referred friends' first orders, frozen for the return window and
 * taken back on refund like the sharer's commission; spent at checkout through order's {@code CheckoutDiscounts}
 * under the customer's balance row lock, traded for vouchers and for gifts from the catalogue (an order of their own),
 * and expiring first in, first out when the owner says so. The book also takes points from an outside source key (a
 * sharer's commission taken as points). Tells member levels what was earned ({@code EarnedPoints}) and asks them to
 * look again whenever points are earned.
 */
@ApplicationModule(displayName = "Loyalty: points",
        allowedDependencies = {"loyalty", "shared", "settings", "catalog", "customer", "order",
                "order :: checkout-form", "distribution", "loyalty.vouchers", "loyalty.levels"})
@NullMarked
package com.micromall.loyalty.points;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Cart, checkout, orders and their status machine, refunds and payment methods. Publishes
 * {@code OrderPlaced}, {@code OrderPaid}, {@code OrderCompleted}, {@code OrderCancelled},
 * {@code OrderRefunded}; defines the {@code CheckoutDiscounts} SPI that {@code distribution}
 * implements, and {@code OneProductCheckout}: one unit of one product bought outside the cart (group buys), with
 * a full refund for when such a purchase falls through. Its named interface {@code checkout-form} is the address and
 * payment part of every checkout form, which the pages of those purchases share. Never depends on {@code distribution}.
 */
@ApplicationModule(displayName = "Order", allowedDependencies = {"shared", "settings", "catalog", "customer"})
@NullMarked
package com.micromall.order;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

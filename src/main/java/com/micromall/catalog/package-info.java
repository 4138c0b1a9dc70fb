/**
 * Products, categories, stock, images and the per-product commission override fields. Its
 * public API gives {@code order} prices and stock reservations. Also serves the storefront home page.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"shared", "settings"})
@NullMarked
package com.micromall.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

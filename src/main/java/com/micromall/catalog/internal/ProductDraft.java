package com.micromall.catalog.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The owner's validated input for a product. Commission override: both null = the shop's rate;
 * at most one set; zero = intentionally no commission.
 */
public record ProductDraft(String name, @Nullable String description, @Nullable Long categoryId, BigDecimal price,
                           int stock, @Nullable BigDecimal commissionPercent,
                           @Nullable BigDecimal commissionFixedAmount) {

    ProductDraft withStock(int newStock) {
        return new ProductDraft(name, description, categoryId, price, newStock, commissionPercent, commissionFixedAmount);
    }
}

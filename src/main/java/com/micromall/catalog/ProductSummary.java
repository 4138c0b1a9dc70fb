package com.micromall.catalog;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A product as other modules see it. {@code commissionPercent} / {@code commissionFixedAmount}
 * are the owner's per-product override of the shop's commission rate (both null = shop rate;
 * at most one is set; zero means "intentionally no commission").
 *
 * @param onSale false when archived: not shown, not buyable
 * @param imageUrl the main picture, or null when the product has none
 */
public record ProductSummary(
        long id,
        String name,
        Money price,
        int stock,
        boolean onSale,
        @Nullable String imageUrl,
        @Nullable BigDecimal commissionPercent,
        @Nullable Money commissionFixedAmount) {

    public boolean canBuy(int quantity) {
        return onSale && quantity > 0 && stock >= quantity;
    }
}

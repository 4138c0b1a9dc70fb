package com.micromall.catalog;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product as other modules see it. {@code commissionPercent} / {@code commissionFixedAmount}
 * are the owner's per-product override of the shop's commission rate (both null = shop rate;
 * at most one is set; zero means "intentionally no commission").
 *
 * @param onSale false when archived: not shown, not buyable
 * @param imageUrl the main picture, or null when the product has none
 * @param name the name in the shop's main language (what orders keep)
 * @param translatedNames the name in the shop's other languages where the owner gave one, by language code
 *        ("zh_CN", "zh_TW", "fil")
 */
public record ProductSummary(
        long id,
        String name,
        Money price,
        int stock,
        boolean onSale,
        @Nullable String imageUrl,
        @Nullable BigDecimal commissionPercent,
        @Nullable Money commissionFixedAmount,
        Map<String, String> translatedNames) {

    public ProductSummary {
        translatedNames = Map.copyOf(translatedNames);
    }

    /** The name to show a reader in this language: the translation, or the main name. */
    public String nameIn(Locale language) {
        return translatedNames.getOrDefault(language.toString(), name);
    }

    public boolean canBuy(int quantity) {
        return onSale && quantity > 0 && stock >= quantity;
    }
}

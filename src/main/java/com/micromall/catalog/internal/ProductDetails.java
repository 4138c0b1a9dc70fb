package com.micromall.catalog.internal;

import com.micromall.shared.Money;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the product page shows. */
public record ProductDetails(long id, String name, @Nullable String description, Money price, int stock,
                             StockState stockState, @Nullable CategoryView category, List<String> imageUrls) {

    public boolean soldOut() {
        return stockState == StockState.SOLD_OUT;
    }
}

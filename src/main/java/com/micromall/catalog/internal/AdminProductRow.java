package com.micromall.catalog.internal;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A line of the owner's product list. */
public record AdminProductRow(long id, String name, @Nullable String categoryName, Money price, int stock,
                              StockState stockState, boolean archived, @Nullable BigDecimal commissionPercent,
                              @Nullable Money commissionFixedAmount) {
}

package com.micromall.catalog.internal;

import com.micromall.shared.Money;
import org.jspecify.annotations.Nullable;

/** A product tile in lists: name, price, first picture, stock state. */
public record ProductCard(long id, String name, Money price, @Nullable String imageUrl, int stock,
                          StockState stockState) {
}

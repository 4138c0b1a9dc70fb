package com.micromall.catalog.internal;

/** What a shopper is told about stock: plenty, "only N left", or sold out. */
public enum StockState {
    IN_STOCK, LOW, SOLD_OUT;

    /** At or below this many, the page says "only N left" to nudge without lying. */
    public static final int LOW_STOCK_THRESHOLD = 5;

    public static StockState of(int stock) {
        if (stock <= 0) {
            return SOLD_OUT;
        }
        return stock <= LOW_STOCK_THRESHOLD ? LOW : IN_STOCK;
    }
}

package com.micromall.catalog.internal;

/** The owner's stock change would take today's stock below zero (units were sold while the form was open). */
public class StockAdjustmentRefusedException extends RuntimeException {

    private final int currentStock;

    StockAdjustmentRefusedException(int currentStock) {
        super("stock change would go below zero; stock is now " + currentStock);
        this.currentStock = currentStock;
    }

    public int currentStock() {
        return currentStock;
    }
}

package com.micromall.order;

import com.micromall.shared.Money;

/**
 * One order line as other modules see it.
 *
 * @param lineTotal unit price × quantity, before discounts
 * @param paidAmount what the buyer actually paid for this line after the order's discounts
 *                   (without shipping): the commission base
 */
public record OrderLineSnapshot(
        long lineId,
        long productId,
        String productName,
        int quantity,
        Money unitPrice,
        Money lineTotal,
        Money paidAmount) {
}

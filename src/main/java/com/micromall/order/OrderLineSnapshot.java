package com.micromall.order;

import com.micromall.shared.Money;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One order line as other modules see it.
 *
 * @param lineTotal unit price × quantity, before discounts
 * @param paidAmount what the buyer actually paid for this line after the order's discounts
 *                   (without shipping): the commission base
 * @param discounts what each discount source took off this line, recorded when the order was placed;
 *                  lineTotal − their sum = paidAmount. Null for orders placed before they were recorded
 *                  (and in events stored before they were carried).
 */
public record OrderLineSnapshot(
        long lineId,
        long productId,
        String productName,
        int quantity,
        Money unitPrice,
        Money lineTotal,
        Money paidAmount,
        @Nullable List<LineDiscount> discounts) {

    /** Without the line's discounts (events stored before they were carried, tests). */
    public OrderLineSnapshot(long lineId, long productId, String productName, int quantity, Money unitPrice,
                             Money lineTotal, Money paidAmount) {
        this(lineId, productId, productName, quantity, unitPrice, lineTotal, paidAmount, null);
    }

    /** What {@code source} took off this line (zero when nothing, or when the line's discounts were not recorded). */
    public Money discountFrom(String source) {
        Money sum = Money.zero(lineTotal.currency());
        if (discounts != null) {
            for (LineDiscount discount : discounts) {
                if (discount.source().equals(source)) {
                    sum = sum.plus(discount.amount());
                }
            }
        }
        return sum;
    }
}

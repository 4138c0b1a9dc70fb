package com.micromall.order;

import com.micromall.shared.Money;
import java.util.List;

/** What a customer is about to buy, as the discount extension point sees it. */
public record CheckoutBasket(long customerId, List<Line> lines, Money goodsTotal) {

    public record Line(long productId, int quantity, Money unitPrice, Money lineTotal) {
    }
}

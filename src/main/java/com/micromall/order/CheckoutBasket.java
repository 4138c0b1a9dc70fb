package com.micromall.order;

import com.micromall.shared.Money;
import java.util.List;

/**
 * What a customer is about to buy, as the discount extension point sees it.
 *
 * @param remaining what is left to pay for the goods after the discounts granted by the sources
 *                  asked before this one (sources are asked in their {@code @Order}); a source
 *                  never grants more than this
 */
public record CheckoutBasket(long customerId, List<Line> lines, Money goodsTotal, Money remaining) {

    /** A basket no source has discounted yet. */
    public CheckoutBasket(long customerId, List<Line> lines, Money goodsTotal) {
        this(customerId, lines, goodsTotal, goodsTotal);
    }

    public record Line(long productId, int quantity, Money unitPrice, Money lineTotal) {
    }
}

package com.micromall.order;

import java.util.List;

/**
 * Extension point: other modules (distribution's welcome benefit and store credit) offer
 * discount lines for a checkout. {@code order} never knows who implements it. Each
 * implementation's lines are shown on the checkout page and stored with the order; their total
 * is spread over the order lines in proportion to the line totals, so each line records what
 * was really paid for it.
 */
public interface CheckoutDiscounts {

    List<DiscountLine> discountsFor(CheckoutBasket basket);
}

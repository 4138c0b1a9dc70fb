package com.micromall.order;

import java.util.List;

/**
 * Extension point: other modules (distribution's welcome benefit and store credit) offer
 * discount lines for a checkout. {@code order} never knows who implements it. Each
 * implementation's lines are shown on the checkout page and stored with the order; their total
 * is spread over the order lines in proportion to the line totals, so each line records what
 * was really paid for it.
 *
 * <p>Sources are asked one after the other in their Spring {@code @Order} (lowest first: the
 * welcome benefit before store credit); each sees in {@link CheckoutBasket#remaining()} what is
 * left to pay after the sources before it.
 */
public interface CheckoutDiscounts {

    List<DiscountLine> discountsFor(CheckoutBasket basket);

    /**
     * What the buyer may pick for this source on the checkout page (shown, not yet granted); the pick comes back in
     * {@link CheckoutBasket#choices()}. Asked with the same basket as {@link #discountsFor}.
     */
    default List<CheckoutOption> optionsFor(CheckoutBasket basket) {
        return List.of();
    }

    /**
     * Called while the order is being placed, inside its transaction, after the order row is
     * saved: a source that spends something (store credit) takes it here, under its own lock.
     * Throwing {@link DiscountUnavailableException} rolls the whole order back (stock included).
     *
     * @param granted every discount line of the order, all sources, in the order they were granted
     */
    default void confirm(long orderId, String orderNumber, long customerId, List<DiscountLine> granted) {
    }

    /**
     * As {@link #confirm(long, String, long, List)}, with the basket the order was placed from, so a source can see
     * what the buyer picked ({@link CheckoutBasket#choices()}). This is the one the checkout calls.
     */
    default void confirm(long orderId, String orderNumber, CheckoutBasket basket, List<DiscountLine> granted) {
        confirm(orderId, orderNumber, basket.customerId(), granted);
    }
}

package com.micromall.order;

import com.micromall.customer.NewAddress;
import com.micromall.shared.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Buying one unit of one product outside the cart (a group buy), with the same rules as the cart's checkout:
 * stock, discount sources (the buyer's picks in {@code choices}), events, one order per checkout token. Runs in
 * the caller's transaction, so a caller that refuses afterwards rolls the order back with its own work.
 */
public interface OneProductCheckout {

    /**
     * @param savedAddressId one of the buyer's saved addresses, or null to use {@code address}
     */
    record Request(long customerId, String checkoutToken, long productId, @Nullable Long savedAddressId,
                   @Nullable NewAddress address, PaymentMethod paymentMethod, Map<String, String> choices) {

        public Request {
            choices = Map.copyOf(choices);
        }
    }

    /** What the order would charge: goods, the discount lines granted, shipping and total. */
    record Quote(Money goodsTotal, List<DiscountLine> discounts, Money shippingFee, Money total) {
    }

    /** Places the order and returns its number; throws {@link CheckoutRefusedException} and changes nothing otherwise. */
    String place(Request request);

    Quote quote(long customerId, long productId, Map<String, String> choices);

    /** The payment methods the shop offers, as at the cart's checkout. */
    List<PaymentMethod> paymentMethods();

    /** The order an earlier request with this token placed (a double submit), if any. */
    Optional<String> orderForToken(long customerId, String checkoutToken);

    /** What {@link #takeBack} did. */
    enum TakeBack {
        /** The order was still unpaid: cancelled, its stock put back ({@link OrderCancelled}). */
        CANCELLED,
        /** Everything not refunded yet went back, shipping included ({@link OrderRefunded}); stock stays as it is. */
        REFUNDED,
        /** Already cancelled or refunded: nothing changed. */
        NOTHING
    }

    /**
     * Takes a whole order back in the caller's transaction, so the events that void its commission are stored with
     * the caller's own change: an unpaid order is cancelled, a paid one refunded in full. A refund does not put
     * stock back: the caller knows whether the goods left the shop.
     */
    TakeBack takeBack(String orderNumber, String reason, String actor);
}

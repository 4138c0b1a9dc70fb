package com.micromall.order;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer placed an order (stock is reserved; payment may still be pending).
 *
 * @param shippingLine1 the first line of the shipping address (for distribution's shared-address check)
 * @param shippingPostalCode the shipping address's postal code
 */
public record OrderPlaced(
        long orderId,
        String orderNumber,
        long customerId,
        Instant placedAt,
        List<OrderLineSnapshot> lines,
        Money goodsTotal,
        Money discountTotal,
        Money shippingFee,
        Money total,
        PaymentMethod paymentMethod,
        @Nullable String shippingLine1,
        @Nullable String shippingPostalCode) {

    /** Without the shipping address (events stored before it was added, tests). */
    public OrderPlaced(long orderId, String orderNumber, long customerId, Instant placedAt, List<OrderLineSnapshot> lines,
                       Money goodsTotal, Money discountTotal, Money shippingFee, Money total, PaymentMethod paymentMethod) {
        this(orderId, orderNumber, customerId, placedAt, lines, goodsTotal, discountTotal, shippingFee, total,
                paymentMethod, null, null);
    }
}

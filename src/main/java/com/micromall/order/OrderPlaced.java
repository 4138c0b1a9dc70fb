package com.micromall.order;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;

/** A customer placed an order (stock is reserved; payment may still be pending). */
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
        PaymentMethod paymentMethod) {
}

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
 * @param discounts the discount lines granted at checkout, by source (null in events stored before it was added)
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
        @Nullable String shippingPostalCode,
        @Nullable List<DiscountLine> discounts) {

    public OrderPlaced(long orderId, String orderNumber, long customerId, Instant placedAt, List<OrderLineSnapshot> lines,
                       Money goodsTotal, Money discountTotal, Money shippingFee, Money total, PaymentMethod paymentMethod,
                       @Nullable String shippingLine1, @Nullable String shippingPostalCode) {
        this(orderId, orderNumber, customerId, placedAt, lines, goodsTotal, discountTotal, shippingFee, total,
                paymentMethod, shippingLine1, shippingPostalCode, null);
    }

    /** What the discount lines of {@code source} took off (zero when none, or for events stored before lines were carried). */
    public Money discountFrom(String source) {
        Money sum = Money.zero(goodsTotal.currency());
        if (discounts != null) {
            for (DiscountLine line : discounts) {
                if (line.source().equals(source)) {
                    sum = sum.plus(line.amount());
                }
            }
        }
        return sum;
    }

    /** Without the shipping address (events stored before it was added, tests). */
    public OrderPlaced(long orderId, String orderNumber, long customerId, Instant placedAt, List<OrderLineSnapshot> lines,
                       Money goodsTotal, Money discountTotal, Money shippingFee, Money total, PaymentMethod paymentMethod) {
        this(orderId, orderNumber, customerId, placedAt, lines, goodsTotal, discountTotal, shippingFee, total,
                paymentMethod, null, null, null);
    }
}

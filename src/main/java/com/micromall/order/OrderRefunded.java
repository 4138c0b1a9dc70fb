package com.micromall.order;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Money went back to the buyer for some quantity of some lines (or all of them).
 *
 * @param fullyRefunded true when nothing of the order is left unrefunded (status REFUNDED)
 * @param refundId which refund of the order this is: the order number and the refund's place among the order's
 *                 refunds ("MM-260601-ABCDEF-R2"). Two refunds of the same line have different ids; the same
 *                 refund heard twice has the same id. Null in events stored before it was carried.
 */
public record OrderRefunded(
        long orderId,
        String orderNumber,
        long customerId,
        Instant refundedAt,
        List<RefundedLine> lines,
        Money amount,
        boolean fullyRefunded,
        String reason,
        @Nullable String refundId) {

    /** Without the refund's id (events stored before it was carried, tests). */
    public OrderRefunded(long orderId, String orderNumber, long customerId, Instant refundedAt, List<RefundedLine> lines,
                         Money amount, boolean fullyRefunded, String reason) {
        this(orderId, orderNumber, customerId, refundedAt, lines, amount, fullyRefunded, reason, null);
    }
}

package com.micromall.order;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * Money went back to the buyer for some quantity of some lines (or all of them).
 *
 * @param fullyRefunded true when nothing of the order is left unrefunded (status REFUNDED)
 */
public record OrderRefunded(
        long orderId,
        String orderNumber,
        long customerId,
        Instant refundedAt,
        List<RefundedLine> lines,
        Money amount,
        boolean fullyRefunded,
        String reason) {
}

package com.micromall.order;

import java.time.Instant;
import java.util.List;

/** The order was delivered and accepted: the moment commissions are credited (frozen). */
public record OrderCompleted(long orderId, String orderNumber, long customerId, Instant completedAt,
                             List<OrderLineSnapshot> lines) {
}

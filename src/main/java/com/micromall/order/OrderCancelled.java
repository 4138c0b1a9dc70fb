package com.micromall.order;

import java.time.Instant;

/** Cancelled before payment (by the customer, the owner, or the unpaid-order timeout); stock restored. */
public record OrderCancelled(long orderId, String orderNumber, long customerId, Instant cancelledAt,
                             CancelReason reason) {

    public enum CancelReason { CUSTOMER, OWNER, PAYMENT_TIMEOUT }
}

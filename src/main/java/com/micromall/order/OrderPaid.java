package com.micromall.order;

import java.time.Instant;

public record OrderPaid(long orderId, String orderNumber, long customerId, Instant paidAt) {
}

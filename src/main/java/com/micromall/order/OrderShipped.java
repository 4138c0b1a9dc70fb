package com.micromall.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record OrderShipped(long orderId, String orderNumber, long customerId, Instant shippedAt,
                           @Nullable String trackingNote) {
}

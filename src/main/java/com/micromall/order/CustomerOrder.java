package com.micromall.order;

import com.micromall.shared.Money;
import java.time.Instant;

/** One of a customer's orders as another module's page lists it. {@code status} is the order status's name. */
public record CustomerOrder(String number, long customerId, String customerName, String customerEmail, String status,
                            Instant placedAt, Money total, Money refundedTotal) {
}

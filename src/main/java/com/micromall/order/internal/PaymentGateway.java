package com.micromall.order.internal;

import com.micromall.order.PaymentMethod;

/**
 * The payment port: one adapter per way of paying. Manual methods leave the order waiting for the
 * owner's confirmation; an adapter for a real provider would start its flow here.
 */
public interface PaymentGateway {

    PaymentMethod method();

    /** True when the money is in by the time the order is placed (the order becomes PAID at once). */
    boolean paidOnPlacement();
}

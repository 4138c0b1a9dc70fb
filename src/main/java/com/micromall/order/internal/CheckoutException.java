package com.micromall.order.internal;

/** Checkout could not place the order (sold out meanwhile, empty cart…); nothing was changed. */
public class CheckoutException extends OrderStateException {

    public CheckoutException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}

package com.micromall.order;

import java.util.List;

/**
 * {@link OneProductCheckout} could not place the order (sold out, address unknown, discount gone…); nothing was
 * changed. {@code messageKey} with {@code args} says why, in the buyer's language.
 */
public class CheckoutRefusedException extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    public CheckoutRefusedException(String messageKey, List<Object> args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = List.copyOf(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}

package com.micromall.order.internal;

/**
 * A move the order's rules refuse (pay a cancelled order, refund more than is left, …). Carries a
 * message key and arguments so pages show it translated as a flash message, never as an error page.
 */
public class OrderStateException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public OrderStateException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}

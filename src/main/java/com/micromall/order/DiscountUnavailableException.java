package com.micromall.order;

/**
 * A discount shown at checkout can no longer be granted (store credit spent meanwhile by another
 * order). Thrown from {@link CheckoutDiscounts#confirm}: the order is not placed and nothing
 * changes; the checkout page is shown again with the message {@code messageKey}.
 */
public class DiscountUnavailableException extends RuntimeException {

    private final String messageKey;

    public DiscountUnavailableException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

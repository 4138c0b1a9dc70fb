package com.micromall.catalog.internal;

/** An upload the shop refuses; {@code messageKey} says why in the owner's language. */
public class ImageRejectedException extends RuntimeException {

    private final String messageKey;

    public ImageRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

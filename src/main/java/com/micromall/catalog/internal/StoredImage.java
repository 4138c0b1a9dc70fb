package com.micromall.catalog.internal;

/** A picture's bytes and type, ready to send. */
public record StoredImage(long id, String contentType, byte[] data) {
}

package com.micromall.shared;

/**
 * An event listener could not do its work yet (the mail server is down, say) and has said why in its own log line.
 * Its event stays incomplete in the outbox and is delivered again, so the asynchronous runner only notes it at debug
 * level: one line per failed delivery would repeat what the listener said once. It carries no stack trace.
 */
public class DeliveryPostponedException extends RuntimeException {

    public DeliveryPostponedException(String message) {
        super(message, null, false, false);
    }
}

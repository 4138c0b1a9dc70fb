package com.micromall.notification;

import com.micromall.shared.DeliveryPostponedException;

/**
 * The mail server refused or could not be reached. Thrown so the event publication stays incomplete and is retried;
 * the cause is already logged (once per outage when the server cannot be reached, see {@link MailServerStatus}), so
 * it carries no stack trace and is not logged again.
 */
class MailNotSentException extends DeliveryPostponedException {

    MailNotSentException(String message) {
        super(message);
    }
}

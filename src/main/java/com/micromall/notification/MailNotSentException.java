package com.micromall.notification;

/**
 * The mail server refused or could not be reached. Thrown so the event publication stays
 * incomplete and is retried; it carries no stack trace, because the cause is already logged in
 * one line and an unreachable server should not flood the log with identical traces.
 */
class MailNotSentException extends RuntimeException {

    MailNotSentException(String message) {
        super(message, null, false, false);
    }
}

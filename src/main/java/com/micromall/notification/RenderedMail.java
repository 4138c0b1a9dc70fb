package com.micromall.notification;

/** A mail ready to send: the subject line, the HTML body and its plain-text twin. */
record RenderedMail(String subject, String html, String text) {
}

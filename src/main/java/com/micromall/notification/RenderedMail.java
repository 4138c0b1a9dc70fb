package com.micromall.notification;

import java.util.List;

/** A mail ready to send: the subject line, the HTML body and its plain-text twin, and the pictures the HTML shows. */
record RenderedMail(String subject, String html, String text, List<InlineImage> images) {

    RenderedMail(String subject, String html, String text) {
        this(subject, html, text, List.of());
    }

    /**
     * A PNG sent inside the mail and shown by {@code <img src="cid:CONTENT_ID">}: mail clients block pictures from
     * the web by default, and a picture behind the shop's login would not show at all.
     */
    record InlineImage(String contentId, byte[] png) {

        String src() {
            return "cid:" + contentId;
        }
    }
}

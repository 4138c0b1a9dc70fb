package com.micromall.settings;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the owner tells buyers about paying by one manual method (bank transfer, cash on delivery):
 * a free text and an optional payment QR picture. Shown only while an order awaits payment.
 *
 * @param method    the payment method's name as the order module spells it (e.g. BANK_TRANSFER)
 * @param text      the owner's text; {@value #ORDER_PLACEHOLDER} stands for the order number
 * @param qrVersion grows with each new QR picture, so the picture's URL changes with it
 */
public record PaymentInstructions(String method, @Nullable String text, boolean hasQr, int qrVersion) {

    public static final String ORDER_PLACEHOLDER = "{order}";
    public static final int MAX_TEXT_LENGTH = 2000;
    public static final int MAX_QR_BYTES = 1024 * 1024;

    /** The owner's text with the order number in place of {@value #ORDER_PLACEHOLDER}. */
    public @Nullable String textFor(String orderNumber) {
        return text == null ? null : text.replace(ORDER_PLACEHOLDER, orderNumber);
    }

    /** Where the QR picture is served (to everyone: it only says where to pay), or null when there is none. */
    public @Nullable String qrPath() {
        return hasQr ? "/images/payment-qr/" + method + "/" + qrVersion : null;
    }

    public boolean isEmpty() {
        return text == null && !hasQr;
    }

    /**
     * The picture's real type from its first bytes (the browser's declared type is not trusted):
     * image/png or image/jpeg, or empty for anything else.
     */
    public static Optional<String> qrImageType(byte[] data) {
        if (data.length >= 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G'
                && data[4] == 0x0D && data[5] == 0x0A && data[6] == 0x1A && data[7] == 0x0A) {
            return Optional.of("image/png");
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    /** A stored QR picture as served. */
    public record QrImage(String contentType, byte[] data, int version) {
    }
}

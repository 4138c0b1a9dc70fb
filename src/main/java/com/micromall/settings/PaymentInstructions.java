package com.micromall.settings;

import com.micromall.shared.ImageType;
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
        return ImageType.detect(data).filter(type -> type != ImageType.WEBP).map(ImageType::contentType);
    }

    /** A stored QR picture as served. */
    public record QrImage(String contentType, byte[] data, int version) {
    }
}

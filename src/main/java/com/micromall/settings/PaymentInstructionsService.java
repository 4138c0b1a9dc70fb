package com.micromall.settings;

import com.micromall.settings.PaymentInstructions.QrImage;
import com.micromall.settings.internal.PaymentInstructionsStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's payment instructions per manual payment method. Read fresh on every page and mail,
 * so buyers always see the instructions in force now (a changed bank account reaches open orders too).
 */
@Service
@RequiredArgsConstructor
public class PaymentInstructionsService {

    private final PaymentInstructionsStore store;
    private final AuditLog auditLog;

    /** Every manual method's instructions, empty ones included, in the order the settings page shows them. */
    @Transactional(readOnly = true)
    public List<PaymentInstructions> all() {
        return store.all();
    }

    /** The instructions for one method, or empty when the method has none (or is not a manual method). */
    @Transactional(readOnly = true)
    public Optional<PaymentInstructions> forMethod(String method) {
        return store.find(method).filter(instructions -> !instructions.isEmpty());
    }

    @Transactional(readOnly = true)
    public Optional<QrImage> qrImage(String method) {
        return store.qrImage(method);
    }

    /** Saves the owner's changes and writes one audit line per text or picture that changed. */
    @Transactional
    public void update(List<PaymentInstructionsChange> changes, String actor) {
        for (PaymentInstructionsChange change : changes) {
            PaymentInstructions before = store.find(change.method()).orElseThrow(
                    () -> new IllegalArgumentException("not a manual payment method: " + change.method()));
            String text = normalised(change.text());
            if (text != null && text.length() > PaymentInstructions.MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("instructions longer than " + PaymentInstructions.MAX_TEXT_LENGTH);
            }
            store.saveText(change.method(), text);
            auditLog.recordChange(actor, "settings.payment", change.method() + ".text", before.text(), text);
            byte[] qr = change.newQr();
            if (qr != null) {
                String type = PaymentInstructions.qrImageType(qr)
                        .orElseThrow(() -> new IllegalArgumentException("a QR picture must be PNG or JPEG"));
                if (qr.length > PaymentInstructions.MAX_QR_BYTES) {
                    throw new IllegalArgumentException("a QR picture may have at most 1 MB");
                }
                String oldQr = store.qrImage(change.method()).map(PaymentInstructionsService::describe).orElse(null);
                store.saveQr(change.method(), qr, type);
                auditLog.record(actor, "settings.payment", change.method() + ".qrImage", oldQr,
                        describe(new QrImage(type, qr, 0)));
            } else if (change.removeQr() && before.hasQr()) {
                String oldQr = store.qrImage(change.method()).map(PaymentInstructionsService::describe).orElse(null);
                store.removeQr(change.method());
                auditLog.record(actor, "settings.payment", change.method() + ".qrImage", oldQr, null);
            }
        }
    }

    /** Line breaks as \n (browsers send \r\n), outer blanks dropped, blank as none. */
    private static @Nullable String normalised(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return clean.isEmpty() ? null : clean;
    }

    /** A picture in the audit log: its type, size and fingerprint (the bytes themselves stay in the settings). */
    private static String describe(QrImage image) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(image.data());
            return image.contentType() + ", " + image.data().length + " bytes, sha256 "
                    + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package com.micromall.notification;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A share link as a QR code picture, drawn like the dashboard's (ZXing, medium error correction). */
final class ShareQrCode {

    /** Small enough for a phone's mail view, large enough for a camera on a printed mail. */
    static final int SIZE = 240;

    private ShareQrCode() {
    }

    static byte[] png(String link) {
        try {
            var matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + link, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.micromall.settings.web;

import com.micromall.settings.PaymentInstructions.QrImage;
import com.micromall.settings.PaymentInstructionsService;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves the owner's payment QR pictures to everyone: a payment QR only says where to pay, like the
 * bank details printed on an invoice. The URL carries the picture's version, so a current one is cached
 * for good and a replaced one is never shown from a cache.
 */
@Controller
@RequiredArgsConstructor
class PaymentQrController {

    private final PaymentInstructionsService instructions;

    @GetMapping("/images/payment-qr/{method}/{version}")
    ResponseEntity<byte[]> qr(@PathVariable String method, @PathVariable String version) {
        return instructions.qrImage(method)
                .map(image -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(image.contentType()))
                        .cacheControl(isCurrent(image, version)
                                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                                : CacheControl.noCache())
                        .body(image.data()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static boolean isCurrent(QrImage image, String version) {
        return String.valueOf(image.version()).equals(version);
    }
}

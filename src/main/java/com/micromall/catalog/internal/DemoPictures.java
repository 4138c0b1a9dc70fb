package com.micromall.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo products' pictures, bundled under {@code demo/images/} and named after the product in lower case with
 * dashes ("Tea lover's gift box" is {@code tea-lovers-gift-box.png}). They are drawn by
 * {@code tools/demo-images/DemoImages.java}, one illustration per product, so the demo shop looks like a real one.
 */
final class DemoPictures {

    private DemoPictures() {
    }

    static String fileName(String productName) {
        return productName.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "") + ".png";
    }

    static byte[] of(String productName) {
        ClassPathResource picture = new ClassPathResource("demo/images/" + fileName(productName));
        try (InputStream in = picture.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("No demo picture " + picture.getPath() + " for " + productName, e);
        }
    }
}

package com.micromall.settings;

import org.jspecify.annotations.Nullable;

/**
 * What the owner asks to change for one payment method.
 *
 * @param newQr    a new QR picture (PNG or JPEG, at most 1 MB), or null to keep the current one
 * @param removeQr true to drop the current picture (ignored when a new one is given)
 */
public record PaymentInstructionsChange(String method, @Nullable String text, byte @Nullable [] newQr,
                                        boolean removeQr) {
}

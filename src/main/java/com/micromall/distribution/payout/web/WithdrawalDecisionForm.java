package com.micromall.distribution.payout.web;

import lombok.Getter;
import org.jspecify.annotations.Nullable;

/** The owner's decision on one withdrawal: the payment reference (mark paid) or the reason (reject). */
@Getter
public class WithdrawalDecisionForm {

    private @Nullable String paymentReference;
    private @Nullable String reason;

    /** The trimmed text when present and at most {@code max} characters long, else null. */
    static @Nullable String required(@Nullable String text, int max) {
        String value = text == null ? "" : text.strip();
        return value.isEmpty() || value.length() > max ? null : value;
    }

    public void setPaymentReference(@Nullable String paymentReference) {
        this.paymentReference = paymentReference;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason;
    }
}

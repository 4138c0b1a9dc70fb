package com.micromall.settings.web;

import com.micromall.settings.PaymentInstructions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The payment instructions part of the settings page: one entry per manual payment method. */
public class PaymentInstructionsForm {

    private List<Entry> methods = new ArrayList<>();

    static PaymentInstructionsForm of(List<PaymentInstructions> current) {
        PaymentInstructionsForm form = new PaymentInstructionsForm();
        for (PaymentInstructions instructions : current) {
            Entry entry = new Entry();
            entry.setMethod(instructions.method());
            entry.setText(instructions.text());
            form.methods.add(entry);
        }
        return form;
    }

    public List<Entry> getMethods() {
        return methods;
    }

    public void setMethods(List<Entry> methods) {
        this.methods = methods;
    }

    /** One method's text, a new QR picture or its removal (lengths, type and size are checked by the controller). */
    public static class Entry {

        private @Nullable String method;

        private @Nullable String text;

        private @Nullable MultipartFile qrImage;

        private boolean removeQr;

        public @Nullable String getMethod() {
            return method;
        }

        public void setMethod(@Nullable String method) {
            this.method = method;
        }

        public @Nullable String getText() {
            return text;
        }

        public void setText(@Nullable String text) {
            this.text = text;
        }

        public @Nullable MultipartFile getQrImage() {
            return qrImage;
        }

        public void setQrImage(@Nullable MultipartFile qrImage) {
            this.qrImage = qrImage;
        }

        public boolean isRemoveQr() {
            return removeQr;
        }

        public void setRemoveQr(boolean removeQr) {
            this.removeQr = removeQr;
        }
    }
}

package com.micromall.settings.internal;

import com.micromall.settings.PaymentInstructions;
import com.micromall.settings.PaymentInstructions.QrImage;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maps the payment_instructions rows (one per manual payment method) to {@link PaymentInstructions}. */
@Component
@RequiredArgsConstructor
public class PaymentInstructionsStore {

    private static final String COLUMNS =
            "method, instructions, qr_version, CASE WHEN qr_image IS NULL THEN FALSE ELSE TRUE END AS has_qr";

    private static final RowMapper<PaymentInstructions> ROW = (rs, i) -> new PaymentInstructions(
            rs.getString("method"), rs.getString("instructions"), rs.getBoolean("has_qr"), rs.getInt("qr_version"));

    private final JdbcClient jdbc;

    public List<PaymentInstructions> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_instructions ORDER BY sort_order, method")
                .query(ROW).list();
    }

    public Optional<PaymentInstructions> find(String method) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_instructions WHERE method = :method")
                .param("method", method).query(ROW).optional();
    }

    public Optional<QrImage> qrImage(String method) {
        return jdbc.sql("""
                SELECT qr_content_type, qr_image, qr_version FROM payment_instructions
                WHERE method = :method AND qr_image IS NOT NULL""")
                .param("method", method)
                .query((rs, i) -> new QrImage(rs.getString("qr_content_type"), rs.getBytes("qr_image"),
                        rs.getInt("qr_version")))
                .optional();
    }

    public void saveText(String method, @Nullable String text) {
        jdbc.sql("UPDATE payment_instructions SET instructions = :text WHERE method = :method")
                .param("text", text).param("method", method).update();
    }

    public void saveQr(String method, byte[] data, String contentType) {
        jdbc.sql("""
                UPDATE payment_instructions SET qr_image = :data, qr_content_type = :type, qr_version = qr_version + 1
                WHERE method = :method""")
                .param("data", data).param("type", contentType).param("method", method).update();
    }

    public void removeQr(String method) {
        jdbc.sql("""
                UPDATE payment_instructions SET qr_image = NULL, qr_content_type = NULL, qr_version = qr_version + 1
                WHERE method = :method""")
                .param("method", method).update();
    }
}

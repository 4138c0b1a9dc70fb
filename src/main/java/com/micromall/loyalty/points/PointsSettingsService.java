package com.micromall.loyalty.points;

import com.micromall.settings.AuditLog;
import java.math.BigDecimal;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's points terms: read by the book and checkout, changed on the points page, every change audited. */
@Service
@RequiredArgsConstructor
public class PointsSettingsService {

    /** What a save did. */
    public enum Saved { SAVED, UNCHANGED, CHANGED_MEANWHILE }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    @Transactional(readOnly = true)
    public PointsSettings current() {
        return jdbc.sql("""
                SELECT enabled, points_per_unit, referral_points, point_value, cap_percent, expiry_months, version
                FROM loyalty_points_settings WHERE id = 1""")
                .query((rs, i) -> new PointsSettings(rs.getBoolean("enabled"), rs.getBigDecimal("points_per_unit"),
                        rs.getLong("referral_points"), rs.getBigDecimal("point_value"), rs.getBigDecimal("cap_percent"),
                        rs.getInt("expiry_months"), rs.getLong("version")))
                .single();
    }

    /**
     * Saves the terms when {@code after.version()} is the version in force. A form sent twice finds its own change
     * already saved (UNCHANGED, nothing audited twice); a form from a tab opened before someone else's change is
     * refused (CHANGED_MEANWHILE) rather than silently undoing it.
     */
    @Transactional
    public Saved update(PointsSettings after, String actor) {
        PointsSettings before = jdbc.sql("SELECT version FROM loyalty_points_settings WHERE id = 1 FOR UPDATE")
                .query(Long.class).optional().map(v -> current()).orElseThrow();
        if (sameTerms(before, after)) {
            return Saved.UNCHANGED;
        }
        if (before.version() != after.version()) {
            return Saved.CHANGED_MEANWHILE;
        }
        jdbc.sql("""
                UPDATE loyalty_points_settings SET enabled = :enabled, points_per_unit = :rate, referral_points = :referral,
                    point_value = :value, cap_percent = :cap, expiry_months = :months, version = version + 1 WHERE id = 1""")
                .param("enabled", after.enabled()).param("rate", after.pointsPerUnit())
                .param("referral", after.referralPoints()).param("value", after.pointValue())
                .param("cap", after.capPercent()).param("months", after.expiryMonths()).update();
        String action = "loyalty.points.settings";
        auditLog.recordChange(actor, action, "enabled", Boolean.toString(before.enabled()), Boolean.toString(after.enabled()));
        auditLog.recordChange(actor, action, "pointsPerUnit", plain(before.pointsPerUnit()), plain(after.pointsPerUnit()));
        auditLog.recordChange(actor, action, "referralPoints", Long.toString(before.referralPoints()),
                Long.toString(after.referralPoints()));
        auditLog.recordChange(actor, action, "pointValue", plain(before.pointValue()), plain(after.pointValue()));
        auditLog.recordChange(actor, action, "capPercent", plain(before.capPercent()), plain(after.capPercent()));
        auditLog.recordChange(actor, action, "expiryMonths", Integer.toString(before.expiryMonths()),
                Integer.toString(after.expiryMonths()));
        return Saved.SAVED;
    }

    private static boolean sameTerms(PointsSettings a, PointsSettings b) {
        return a.enabled() == b.enabled() && a.pointsPerUnit().compareTo(b.pointsPerUnit()) == 0
                && a.referralPoints() == b.referralPoints() && a.pointValue().compareTo(b.pointValue()) == 0
                && a.capPercent().compareTo(b.capPercent()) == 0 && a.expiryMonths() == b.expiryMonths();
    }

    private static String plain(BigDecimal value) {
        return Objects.requireNonNull(value).stripTrailingZeros().toPlainString();
    }
}

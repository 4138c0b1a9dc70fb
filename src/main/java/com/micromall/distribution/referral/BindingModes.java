package com.micromall.distribution.referral;

import com.micromall.settings.AuditLog;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The binding mode in force: read when a link is followed, so a change applies from the next click on and never
 * touches a binding already made or an order already placed. Changed by the owner, audited like the other rules.
 */
@Service
@RequiredArgsConstructor
public class BindingModes {

    /** PERMANENT suits goods bought once in years; LAST_SHARE_WINS suits everyday goods bought again and again. */
    public enum Mode { PERMANENT, LAST_SHARE_WINS }

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;

    /** @param protectionDays how long a binding holds against a newer link in LAST_SHARE_WINS (kept while PERMANENT) */
    public record BindingMode(Mode mode, int protectionDays) {

        public boolean lastShareWins() {
            return mode == Mode.LAST_SHARE_WINS;
        }

        /** When a binding made (or last taken over) at {@code since} may be taken over; null while permanent. */
        public @Nullable Instant protectedUntil(Instant since) {
            return lastShareWins() ? periodFrom(since) : null;
        }

        /**
         * The protection period a binding made at {@code since} gets under these days, kept with the binding whatever
         * the mode, so that a later switch to last share wins finds it and a later change of days does not move it.
         */
        public Instant periodFrom(Instant since) {
            return since.plus(Duration.ofDays(protectionDays));
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    @Transactional(readOnly = true)
    public BindingMode current() {
        return jdbc.sql("SELECT mode, protection_days FROM referral_binding_mode WHERE id = 1")
                .query((rs, i) -> new BindingMode(Mode.valueOf(rs.getString("mode")), rs.getInt("protection_days")))
                .optional().orElse(new BindingMode(Mode.PERMANENT, 30));
    }

    /** Saves the owner's choice, one audit line per field that changed; saving the same values again changes nothing. */
    @Transactional
    public void change(BindingMode next, String actor) {
        if (next.protectionDays() < MIN_DAYS || next.protectionDays() > MAX_DAYS) {
            throw new IllegalArgumentException("protection days out of range: " + next.protectionDays());
        }
        BindingMode before = jdbc.sql("SELECT mode, protection_days FROM referral_binding_mode WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new BindingMode(Mode.valueOf(rs.getString("mode")), rs.getInt("protection_days")))
                .single();
        if (before.equals(next)) {
            return;
        }
        jdbc.sql("UPDATE referral_binding_mode SET mode = :m, protection_days = :d, version = version + 1 WHERE id = 1")
                .param("m", next.mode().name()).param("d", next.protectionDays()).update();
        if (before.mode() != next.mode()) {
            auditLog.recordChange(actor, "settings.distribution", "bindingMode", before.mode().name(), next.mode().name());
        }
        if (before.protectionDays() != next.protectionDays()) {
            auditLog.recordChange(actor, "settings.distribution", "bindingProtectionDays",
                    Integer.toString(before.protectionDays()), Integer.toString(next.protectionDays()));
        }
    }
}

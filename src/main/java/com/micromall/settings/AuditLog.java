package com.micromall.settings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what, when: every settings change and every manual money action. Written in the
 * caller's transaction, so an audit line exists exactly when the change it describes does.
 */
@Component
@RequiredArgsConstructor
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public record Entry(Instant occurredAt, String actor, String action, String subject,
                        @Nullable String oldValue, @Nullable String newValue) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subject, @Nullable String oldValue, @Nullable String newValue) {
        jdbc.sql("""
                INSERT INTO audit_log (occurred_at, actor, action, subject, old_value, new_value)
                VALUES (:at, :actor, :action, :subject, :old, :new)""")
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("old", oldValue)
                .param("new", newValue)
                .update();
    }

    /** Records only when the value really changed, so saving an untouched form leaves no noise. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(String actor, String action, String subject, @Nullable String oldValue, @Nullable String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            record(actor, action, subject, oldValue, newValue);
        }
    }

    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, subject, old_value, new_value
                FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("old_value"),
                        rs.getString("new_value")))
                .list();
    }
}

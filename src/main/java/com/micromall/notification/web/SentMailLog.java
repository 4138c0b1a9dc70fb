package com.micromall.notification.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code sent_mail} for the owner: newest first, by recipient, one mail with its body and pictures. */
@Component
@RequiredArgsConstructor
class SentMailLog {

    private static final String COLUMNS = """
            id, recipient, kind, language, subject, claimed_at, sent_at, released, retried, failed_attempts,
            last_failed_at, last_failure""";

    private final JdbcClient jdbc;

    /** Where a mail stands. */
    enum State {
        /** The mail server took it. */
        SENT,
        /** Being handed to the mail server right now. */
        SENDING,
        /** The last send failed; the retry sends it when a mail server answers. */
        WAITING,
        /** Failed and never retried (an account link: the customer asks for a new one). */
        NOT_SENT
    }

    /** One line of the log. */
    record Entry(long id, String recipient, String kind, @Nullable String language, String subject, Instant claimedAt,
                 @Nullable Instant sentAt, State state, int failedAttempts, @Nullable Instant lastFailedAt,
                 @Nullable String lastFailure) {
    }

    /** A mail as the customer got it; {@code html} and {@code text} are null for mails sent before the log kept them. */
    record Mail(Entry entry, @Nullable String text, @Nullable String html, List<Image> images) {
    }

    record Image(String contentId, byte[] png) {
    }

    /** {@code limit} mails from {@code offset}, newest first, whose recipient contains {@code recipient} if given. */
    List<Entry> newest(@Nullable String recipient, int offset, int limit) {
        String where = recipient == null ? "" : "WHERE LOWER(recipient) LIKE :pattern ESCAPE '\\' ";
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM sent_mail " + where
                        + "ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .param("offset", offset).param("limit", limit);
        if (recipient != null) {
            query = query.param("pattern", "%" + recipient.toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return query.query((rs, row) -> entry(rs)).list();
    }

    Optional<Mail> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", body_text, body_html FROM sent_mail WHERE id = :id").param("id", id)
                .query((rs, row) -> new Mail(entry(rs), rs.getString("body_text"), rs.getString("body_html"), images(id)))
                .optional();
    }

    private List<Image> images(long id) {
        return jdbc.sql("SELECT content_id, png FROM sent_mail_image WHERE sent_mail_id = :id ORDER BY content_id")
                .param("id", id).query((rs, row) -> new Image(rs.getString("content_id"), rs.getBytes("png"))).list();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Instant sentAt = instant(rs.getTimestamp("sent_at"));
        State state = sentAt != null ? State.SENT
                : !rs.getBoolean("released") ? State.SENDING
                : rs.getBoolean("retried") ? State.WAITING : State.NOT_SENT;
        return new Entry(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"), rs.getString("language"),
                rs.getString("subject"), rs.getTimestamp("claimed_at").toInstant(), sentAt, state,
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("last_failed_at")), rs.getString("last_failure"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

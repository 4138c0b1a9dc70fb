package com.micromall.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every mail sent or waiting to be sent ({@code sent_mail}): one row per event, recipient and kind,
 * claimed before the mail goes to the SMTP server, keeping the mail as rendered for the owner's log. Every change commits in a transaction of its own, so an instance delivering the
 * same event at the same moment sees the claim before it could send a second mail.
 */
@Component
class SentMails {

    /** What a claim found. */
    enum Claim {
        /** This caller may send the mail now. */
        OURS,
        /** The mail went out already: nothing to do. */
        SENT,
        /** Another delivery is sending it right now (or died doing so less than the claim timeout ago). */
        IN_PROGRESS
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration claimTimeout;

    SentMails(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
              @Value("${micromall.mail.claim-timeout:PT2M}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    /**
     * Claims the mail for this caller: a new row, an unsent mail whose last send failed (waiting for the retry), or
     * an unsent claim older than the claim timeout, whose sender is taken to have died between claiming and recording
     * the send. The row keeps the mail as rendered now, so the owner's log shows what the customer gets.
     */
    Claim claim(String eventKey, String kind, String recipient, Locale language, RenderedMail mail) {
        Instant now = clock.instant();
        return ownTransaction.execute(status -> {
            KeyHolder key = new GeneratedKeyHolder();
            int inserted = jdbc.sql("""
                            INSERT INTO sent_mail (event_key, kind, recipient, subject, claimed_at, language, body_text,
                                                   body_html)
                            VALUES (:key, :kind, :recipient, :subject, :now, :language, :text, :html)
                            ON CONFLICT DO NOTHING""")
                    .param("key", eventKey).param("kind", kind).param("recipient", recipient)
                    .param("subject", mail.subject()).param("now", Timestamp.from(now))
                    .param("language", language.toLanguageTag()).param("text", mail.text()).param("html", mail.html())
                    .update(key, "id");
            if (inserted == 1) {
                insertImages(idOf(key), mail);
                return Claim.OURS;
            }
            int takenOver = jdbc.sql("""
                            UPDATE sent_mail SET claimed_at = :now, subject = :subject, language = :language,
                                                 body_text = :text, body_html = :html, released = FALSE
                            WHERE event_key = :key AND recipient = :recipient AND kind = :kind
                              AND sent_at IS NULL AND (released OR claimed_at < :abandoned)""")
                    .param("key", eventKey).param("kind", kind).param("recipient", recipient)
                    .param("subject", mail.subject()).param("now", Timestamp.from(now))
                    .param("language", language.toLanguageTag()).param("text", mail.text()).param("html", mail.html())
                    .param("abandoned", Timestamp.from(now.minus(claimTimeout))).update();
            if (takenOver == 1) {
                replaceImages(eventKey, kind, recipient, mail);
                return Claim.OURS;
            }
            boolean sent = jdbc.sql("""
                            SELECT COUNT(*) FROM sent_mail
                            WHERE event_key = :key AND recipient = :recipient AND kind = :kind AND sent_at IS NOT NULL""")
                    .param("key", eventKey).param("kind", kind).param("recipient", recipient)
                    .query(Long.class).single() > 0;
            return sent ? Claim.SENT : Claim.IN_PROGRESS;
        });
    }

    /**
     * Records a mail that is sent once and never retried (an account link: its token is not kept, so {@code mail}
     * is the version for the log, with the token taken out). Returns the event key to report the outcome under.
     */
    String recordUnretried(String kind, String recipient, Locale language, RenderedMail mail) {
        String eventKey = "once/" + UUID.randomUUID();
        ownTransaction.executeWithoutResult(status -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO sent_mail (event_key, kind, recipient, subject, claimed_at, language, body_text,
                                                   body_html, retried)
                            VALUES (:key, :kind, :recipient, :subject, :now, :language, :text, :html, FALSE)""")
                    .param("key", eventKey).param("kind", kind).param("recipient", recipient)
                    .param("subject", mail.subject()).param("now", Timestamp.from(clock.instant()))
                    .param("language", language.toLanguageTag()).param("text", mail.text()).param("html", mail.html())
                    .update(key, "id");
            insertImages(idOf(key), mail);
        });
        return eventKey;
    }

    /** The SMTP server took the mail. */
    void sent(String eventKey, String kind, String recipient) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE sent_mail SET sent_at = :now, released = FALSE
                        WHERE event_key = :key AND recipient = :recipient AND kind = :kind""")
                .param("now", Timestamp.from(clock.instant()))
                .param("key", eventKey).param("kind", kind).param("recipient", recipient).update());
    }

    /**
     * The send failed: the claim is given up, so the outbox's retry can claim and send the mail again; the row stays
     * for the owner's log, as waiting, with the failed attempt counted.
     */
    void release(String eventKey, String kind, String recipient, String failure) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE sent_mail SET released = TRUE, failed_attempts = failed_attempts + 1,
                                             last_failed_at = :now, last_failure = :failure
                        WHERE event_key = :key AND recipient = :recipient AND kind = :kind AND sent_at IS NULL""")
                .param("now", Timestamp.from(clock.instant()))
                .param("failure", failure.length() > 500 ? failure.substring(0, 500) : failure)
                .param("key", eventKey).param("kind", kind).param("recipient", recipient).update());
    }

    /** A retry renders the mail again: its pictures replace the earlier attempt's. */
    private void replaceImages(String eventKey, String kind, String recipient, RenderedMail mail) {
        jdbc.sql("""
                        DELETE FROM sent_mail_image WHERE sent_mail_id IN (
                            SELECT id FROM sent_mail WHERE event_key = :key AND recipient = :recipient AND kind = :kind)""")
                .param("key", eventKey).param("kind", kind).param("recipient", recipient).update();
        if (!mail.images().isEmpty()) {
            insertImages(jdbc.sql("SELECT id FROM sent_mail WHERE event_key = :key AND recipient = :recipient AND kind = :kind")
                    .param("key", eventKey).param("kind", kind).param("recipient", recipient).query(Long.class).single(),
                    mail);
        }
    }

    private void insertImages(long sentMailId, RenderedMail mail) {
        for (RenderedMail.InlineImage image : mail.images()) {
            jdbc.sql("INSERT INTO sent_mail_image (sent_mail_id, content_id, png) VALUES (:id, :cid, :png)")
                    .param("id", sentMailId).param("cid", image.contentId()).param("png", image.png()).update();
        }
    }

    private static long idOf(KeyHolder key) {
        Map<String, Object> keys = key.getKeys();
        Object id = keys == null ? null : keys.get("id");
        if (id == null) {
            throw new IllegalStateException("no id for the new sent_mail row");
        }
        return ((Number) id).longValue();
    }
}

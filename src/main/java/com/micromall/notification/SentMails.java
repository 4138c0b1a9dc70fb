package com.micromall.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every mail sent ({@code sent_mail}): one row per event, recipient and kind, claimed before the
 * mail goes to the SMTP server. Every change commits in a transaction of its own, so an instance delivering the
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
     * Claims the mail for this caller: a new row, or an unsent claim older than the claim timeout, whose sender
     * is taken to have died between claiming and recording the send.
     */
    Claim claim(String eventKey, String kind, String recipient, String subject) {
        Instant now = clock.instant();
        return ownTransaction.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO sent_mail (event_key, kind, recipient, subject, claimed_at)
                            VALUES (:key, :kind, :recipient, :subject, :now) ON CONFLICT DO NOTHING""")
                    .param("key", eventKey).param("kind", kind).param("recipient", recipient)
                    .param("subject", subject).param("now", Timestamp.from(now)).update();
            if (inserted == 1) {
                return Claim.OURS;
            }
            int takenOver = jdbc.sql("""
                            UPDATE sent_mail SET claimed_at = :now, subject = :subject
                            WHERE event_key = :key AND recipient = :recipient AND kind = :kind
                              AND sent_at IS NULL AND claimed_at < :abandoned""")
                    .param("key", eventKey).param("kind", kind).param("recipient", recipient)
                    .param("subject", subject).param("now", Timestamp.from(now))
                    .param("abandoned", Timestamp.from(now.minus(claimTimeout))).update();
            if (takenOver == 1) {
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

    /** The SMTP server took the mail. */
    void sent(String eventKey, String kind, String recipient) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE sent_mail SET sent_at = :now
                        WHERE event_key = :key AND recipient = :recipient AND kind = :kind""")
                .param("now", Timestamp.from(clock.instant()))
                .param("key", eventKey).param("kind", kind).param("recipient", recipient).update());
    }

    /** The send failed: the claim goes, so the outbox's retry can claim and send the mail again. */
    void release(String eventKey, String kind, String recipient) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        DELETE FROM sent_mail
                        WHERE event_key = :key AND recipient = :recipient AND kind = :kind AND sent_at IS NULL""")
                .param("key", eventKey).param("kind", kind).param("recipient", recipient).update());
    }
}

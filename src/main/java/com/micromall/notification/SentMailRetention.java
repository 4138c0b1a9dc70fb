package com.micromall.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail log keeps each mail's words and pictures only for a while ({@code micromall.mail.keep-copies}): customers'
 * names and orders should not pile up in the database for ever. Who got which mail and when stays.
 */
@Component
public class SentMailRetention {

    private static final Logger log = LoggerFactory.getLogger(SentMailRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keepCopies;

    SentMailRetention(JdbcClient jdbc, Clock clock, @Value("${micromall.mail.keep-copies:P180D}") Duration keepCopies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keepCopies = keepCopies;
    }

    public Duration keepCopies() {
        return keepCopies;
    }

    @Scheduled(fixedDelayString = "${micromall.mail.keep-copies-check-interval:PT6H}")
    @SchedulerLock(name = "notification.forgetOldMailCopies", lockAtMostFor = "PT2M")
    public void forgetOldCopies() {
        int forgotten = forgetCopiesSentBefore(clock.instant().minus(keepCopies));
        if (forgotten > 0) {
            log.info("Forgot the copies of {} mails sent more than {} days ago", forgotten, keepCopies.toDays());
        }
    }

    /** Drops the words and pictures of mails sent before {@code before}; mails still waiting to be sent keep theirs. */
    @Transactional
    public int forgetCopiesSentBefore(Instant before) {
        Timestamp bound = Timestamp.from(before);
        jdbc.sql("""
                DELETE FROM sent_mail_image WHERE sent_mail_id IN (
                    SELECT id FROM sent_mail WHERE sent_at < :bound)""").param("bound", bound).update();
        return jdbc.sql("""
                UPDATE sent_mail SET body_text = NULL, body_html = NULL
                WHERE sent_at < :bound AND (body_text IS NOT NULL OR body_html IS NOT NULL)""")
                .param("bound", bound).update();
    }
}

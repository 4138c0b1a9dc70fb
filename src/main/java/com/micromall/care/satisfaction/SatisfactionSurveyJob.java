package com.micromall.care.satisfaction;

import com.micromall.care.SatisfactionSurveyDue;
import com.micromall.care.visits.HappyVisitShareCards;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks every survey whose delay is over and that was not answered on the order page meanwhile: each gets a fresh
 * link, and the event that makes notification send the mail is stored in the same transaction (outbox), so a survey
 * is marked asked exactly when its mail is on its way (and a happy visit's share card is taken exactly then too).
 */
@Component
public class SatisfactionSurveyJob {

    private static final Logger log = LoggerFactory.getLogger(SatisfactionSurveyJob.class);
    /** Surveys asked per run; the rest wait for the next run, well inside the lock's ceiling. */
    static final int PER_RUN = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final HappyVisitShareCards shareCards;

    SatisfactionSurveyJob(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
                          TransactionTemplate transaction, HappyVisitShareCards shareCards) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
        this.shareCards = shareCards;
    }

    @Scheduled(fixedDelayString = "${micromall.care.survey-check-interval:PT10M}")
    @SchedulerLock(name = "care.askDueSurveys", lockAtMostFor = "PT2M")
    public void askDueSurveys() {
        int asked = askDue(clock.instant());
        if (asked > 0) {
            log.info("Asked {} customers how likely they are to recommend the shop", asked);
        }
    }

    /** Asks the surveys due at {@code now}; returns how many. */
    public int askDue(Instant now) {
        record Due(long id, long customerId, String orderNumber, Instant completedAt) {
        }
        List<Due> due = jdbc.sql("""
                        SELECT s.id, s.customer_id, s.order_number, s.completed_at FROM satisfaction_survey s
                        WHERE s.asked_at IS NULL AND s.dropped_at IS NULL AND s.ask_at <= :now
                          AND NOT EXISTS (SELECT 1 FROM satisfaction_answer a WHERE a.survey_id = s.id)
                        ORDER BY s.ask_at, s.id LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", PER_RUN)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        int asked = 0;
        for (Due survey : due) {
            Boolean done = transaction.execute(status -> {
                String token = SurveyTokens.newToken();
                int marked = jdbc.sql("""
                                UPDATE satisfaction_survey SET asked_at = :now, token_hash = :hash
                                WHERE id = :id AND asked_at IS NULL""")
                        .param("now", Timestamp.from(now)).param("hash", SurveyTokens.hash(token))
                        .param("id", survey.id()).update();
                if (marked == 1) {
                    events.publishEvent(new SatisfactionSurveyDue(survey.customerId(), survey.orderNumber(),
                            "/satisfaction/" + token, survey.completedAt(), shareCards.take(survey.customerId())));
                }
                return marked == 1;
            });
            if (Boolean.TRUE.equals(done)) {
                asked++;
            }
        }
        return asked;
    }
}

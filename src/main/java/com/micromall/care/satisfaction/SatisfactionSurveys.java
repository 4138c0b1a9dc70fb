package com.micromall.care.satisfaction;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderRefunded;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One survey per completed order, asked {@code micromall.care.survey-delay} after completion, and its one answer.
 * The answer row is unique per order and changed in place, so a double submit, a second tab or a later change never
 * makes a second answer; the mail's link is used up by the first answer given through it.
 */
@Service
class SatisfactionSurveys {

    static final int COMMENT_MAX = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration delay;
    private final Duration followUpWithin;

    SatisfactionSurveys(JdbcClient jdbc, Clock clock,
                        @Value("${micromall.care.survey-delay:P3D}") Duration delay,
                        @Value("${micromall.care.follow-up-within:P2D}") Duration followUpWithin) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.delay = delay;
        this.followUpWithin = followUpWithin;
    }

    /** A survey of the order, as its page and the answer form see it; the answer when there is one. */
    record Survey(long id, String orderNumber, long customerId, Instant completedAt, @Nullable Integer score,
                  @Nullable String comment) {
    }

    /** What became of an answer given through the mail's link. */
    enum LinkAnswer { ANSWERED, ALREADY_USED, UNKNOWN }

    /** Schedules the survey; a redelivered event finds it there and changes nothing. */
    @ApplicationModuleListener
    void on(OrderCompleted event) {
        scheduleSurvey(event);
    }

    @Transactional
    void scheduleSurvey(OrderCompleted event) {
        int created = jdbc.sql("""
                        INSERT INTO satisfaction_survey (order_id, order_number, customer_id, completed_at, ask_at)
                        VALUES (:order, :number, :customer, :completed, :ask) ON CONFLICT DO NOTHING""")
                .param("order", event.orderId()).param("number", event.orderNumber())
                .param("customer", event.customerId()).param("completed", Timestamp.from(event.completedAt()))
                .param("ask", Timestamp.from(event.completedAt().plus(delay))).update();
        if (created == 0) {
            return;
        }
        long surveyId = jdbc.sql("SELECT id FROM satisfaction_survey WHERE order_id = :order")
                .param("order", event.orderId()).query(Long.class).single();
        Map<Long, String> products = new LinkedHashMap<>();
        for (OrderLineSnapshot line : event.lines()) {
            products.putIfAbsent(line.productId(), line.productName());
        }
        products.forEach((productId, name) -> jdbc.sql("""
                        INSERT INTO satisfaction_survey_product (survey_id, product_id, product_name)
                        VALUES (:survey, :product, :name)""")
                .param("survey", surveyId).param("product", productId)
                .param("name", name.length() > 200 ? name.substring(0, 200) : name).update());
    }

    /** An order refunded in full before its survey was asked is not asked about: the survey is dropped. */
    @ApplicationModuleListener
    void on(OrderRefunded event) {
        orderRefunded(event);
    }

    @Transactional
    void orderRefunded(OrderRefunded event) {
        if (event.fullyRefunded()) {
            jdbc.sql("UPDATE satisfaction_survey SET dropped_at = :now WHERE order_id = :order AND asked_at IS NULL")
                    .param("now", Timestamp.from(clock.instant())).param("order", event.orderId()).update();
        }
    }

    /** The order page's survey: a dropped one is shown only if it was answered before. */
    @Transactional(readOnly = true)
    Optional<Survey> ofCustomer(long customerId, String orderNumber) {
        return find("s.order_number = :number AND s.customer_id = :customer AND (s.dropped_at IS NULL OR a.score IS NOT NULL)",
                Map.of("number", orderNumber, "customer", customerId));
    }

    /** The survey the link opens, while it is unused; empty for an unknown, malformed or used-up link. */
    @Transactional(readOnly = true)
    Optional<Survey> ofUnusedLink(String token) {
        if (!SurveyTokens.looksLikeAToken(token)) {
            return Optional.empty();
        }
        return find("s.token_hash = :hash AND s.token_used_at IS NULL", Map.of("hash", SurveyTokens.hash(token)));
    }

    /** Whether the link is a real one that was used up (so the page can say "already answered"). */
    @Transactional(readOnly = true)
    boolean isUsedLink(String token) {
        return SurveyTokens.looksLikeAToken(token) && jdbc.sql("""
                        SELECT COUNT(*) FROM satisfaction_survey WHERE token_hash = :hash AND token_used_at IS NOT NULL""")
                .param("hash", SurveyTokens.hash(token)).query(Long.class).single() > 0;
    }

    /**
     * Answers through the mail's link and uses it up. The conditional update lets exactly one of two simultaneous
     * submits through: the other waits for its row lock and then finds the link used.
     */
    @Transactional
    LinkAnswer answerThroughLink(String token, int score, @Nullable String comment) {
        if (!SurveyTokens.looksLikeAToken(token)) {
            return LinkAnswer.UNKNOWN;
        }
        String hash = SurveyTokens.hash(token);
        Optional<Long> survey = jdbc.sql("SELECT id FROM satisfaction_survey WHERE token_hash = :hash")
                .param("hash", hash).query(Long.class).optional();
        if (survey.isEmpty()) {
            return LinkAnswer.UNKNOWN;
        }
        Instant now = clock.instant();
        int used = jdbc.sql("""
                        UPDATE satisfaction_survey SET token_used_at = :now WHERE id = :id AND token_used_at IS NULL""")
                .param("now", Timestamp.from(now)).param("id", survey.get()).update();
        if (used == 0) {
            return LinkAnswer.ALREADY_USED;
        }
        record(survey.get(), score, comment, now);
        return LinkAnswer.ANSWERED;
    }

    /** The signed-in buyer's answer from their order page; a first answer also uses up the mail's link. */
    @Transactional
    void answerAsBuyer(Survey survey, int score, @Nullable String comment) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE satisfaction_survey SET token_used_at = :now
                        WHERE id = :id AND token_hash IS NOT NULL AND token_used_at IS NULL""")
                .param("now", Timestamp.from(now)).param("id", survey.id()).update();
        record(survey.id(), score, comment, now);
    }

    /**
     * Inserts the order's answer or, when it has one, changes it (the latest counts; answered_at stays the first).
     * An unhappy answer opens the order's one follow-up task.
     */
    void record(long surveyId, int score, @Nullable String comment, Instant now) {
        AnswerKind kind = AnswerKind.of(score);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        Timestamp at = Timestamp.from(now);
        int inserted = jdbc.sql("""
                        INSERT INTO satisfaction_answer (survey_id, score, comment, answered_at, changed_at)
                        VALUES (:survey, :score, :comment, :at, :at) ON CONFLICT DO NOTHING""")
                .param("survey", surveyId).param("score", score).param("comment", text).param("at", at).update();
        if (inserted == 0) {
            jdbc.sql("""
                            UPDATE satisfaction_answer SET score = :score, comment = :comment, changed_at = :at
                            WHERE survey_id = :survey""")
                    .param("survey", surveyId).param("score", score).param("comment", text).param("at", at).update();
        }
        if (kind == AnswerKind.DETRACTOR) {
            jdbc.sql("""
                            INSERT INTO satisfaction_follow_up (survey_id, created_at, due_at)
                            VALUES (:survey, :at, :due) ON CONFLICT DO NOTHING""")
                    .param("survey", surveyId).param("at", at).param("due", Timestamp.from(now.plus(followUpWithin)))
                    .update();
        }
    }

    private Optional<Survey> find(String where, Map<String, Object> params) {
        return jdbc.sql("""
                        SELECT s.id, s.order_number, s.customer_id, s.completed_at, a.score, a.comment
                        FROM satisfaction_survey s LEFT JOIN satisfaction_answer a ON a.survey_id = s.id
                        WHERE\s""" + where)
                .params(params)
                .query((rs, i) -> new Survey(rs.getLong("id"), rs.getString("order_number"), rs.getLong("customer_id"),
                        rs.getTimestamp("completed_at").toInstant(), (Integer) rs.getObject("score", Integer.class),
                        rs.getString("comment")))
                .optional();
    }
}

package com.micromall.care.satisfaction;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Surveys of orders that exist only in their completion event (a negative id nobody else uses). */
final class SatisfactionFixtures {

    private static final AtomicLong ORDER_SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private final SatisfactionSurveys surveys;
    private final JdbcClient jdbc;

    SatisfactionFixtures(SatisfactionSurveys surveys, JdbcClient jdbc) {
        this.surveys = surveys;
        this.jdbc = jdbc;
    }

    /** A completed order of the customer with its survey scheduled; returns the order number. */
    String completedOrder(long customerId, Instant completedAt, long productId, String productName) {
        long orderId = -ORDER_SEQUENCE.incrementAndGet();
        String number = OrderFixtures.unique("NPS");
        Money price = Money.of("10.00", "CNY");
        surveys.scheduleSurvey(new OrderCompleted(orderId, number, customerId, completedAt,
                List.of(new OrderLineSnapshot(1, productId, productName, 1, price, price, price))));
        return number;
    }

    long surveyId(String orderNumber) {
        return jdbc.sql("SELECT id FROM satisfaction_survey WHERE order_number = :n").param("n", orderNumber)
                .query(Long.class).single();
    }

    /** Gives the survey a mail link, as the job does, and returns the link's token. */
    String linkFor(String orderNumber) {
        String token = SurveyTokens.newToken();
        jdbc.sql("UPDATE satisfaction_survey SET token_hash = :h, asked_at = CURRENT_TIMESTAMP WHERE order_number = :n")
                .param("h", SurveyTokens.hash(token)).param("n", orderNumber).update();
        return token;
    }

    long answers(String orderNumber) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM satisfaction_answer a JOIN satisfaction_survey s ON s.id = a.survey_id
                        WHERE s.order_number = :n""").param("n", orderNumber).query(Long.class).single();
    }

    Integer score(String orderNumber) {
        return jdbc.sql("""
                        SELECT a.score FROM satisfaction_answer a JOIN satisfaction_survey s ON s.id = a.survey_id
                        WHERE s.order_number = :n""").param("n", orderNumber).query(Integer.class).single();
    }

    long followUps(String orderNumber) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM satisfaction_follow_up f JOIN satisfaction_survey s ON s.id = f.survey_id
                        WHERE s.order_number = :n""").param("n", orderNumber).query(Long.class).single();
    }
}

package com.micromall.care.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The survey is asked once its delay after completion is over, once, and not at all when already answered. */
@MicromallTest
class SatisfactionSurveyJobTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired SatisfactionSurveys surveys;
    @Autowired SatisfactionSurveyJob job;
    @Autowired Clock clock;
    @Value("${micromall.care.survey-delay}") Duration delay;

    SatisfactionFixtures fixtures;
    TestCustomer buyer;
    long product;

    @BeforeEach
    void setUp() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        fixtures = new SatisfactionFixtures(surveys, jdbc);
        buyer = orders.customer("Jobe Buyer");
        product = orders.product("Job soap", "10.00", 10);
    }

    private Map<String, Object> state(String number) {
        return jdbc.sql("SELECT asked_at, token_hash FROM satisfaction_survey WHERE order_number = :n")
                .param("n", number).query().singleRow();
    }

    @Test
    void theSurveyIsAskedOnlyOnceTheDelayAfterCompletionIsOver() {
        assertThat(delay).isEqualTo(Duration.ofDays(3));
        Instant completed = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String number = fixtures.completedOrder(buyer.id(), completed, product, "Job soap");

        job.askDue(completed.plus(delay).minusSeconds(60));
        assertThat(state(number).get("asked_at")).as("a minute early").isNull();
        assertThat(state(number).get("token_hash")).isNull();

        job.askDue(completed.plus(delay));
        Object hash = state(number).get("token_hash");
        assertThat(state(number).get("asked_at")).isNotNull();
        assertThat(hash).isNotNull();

        job.askDue(completed.plus(delay).plus(Duration.ofDays(1)));
        assertThat(state(number).get("token_hash")).as("asked once: the link stays the same").isEqualTo(hash);
    }

    @Test
    void aSurveyAnsweredOnTheOrderPageBeforeItsTimeIsNotMailed() {
        Instant completed = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String number = fixtures.completedOrder(buyer.id(), completed, product, "Job soap");
        surveys.answerAsBuyer(surveys.ofCustomer(buyer.id(), number).orElseThrow(), 10, null);

        job.askDue(completed.plus(delay));
        assertThat(state(number).get("asked_at")).isNull();
    }

    @Test
    void anOrderRefundedInFullBeforeItsSurveyIsAskedIsNeitherMailedNorAskedOnItsPage() {
        Instant completed = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String number = fixtures.completedOrder(buyer.id(), completed, product, "Job soap");
        String partly = fixtures.completedOrder(buyer.id(), completed, product, "Job soap");
        surveys.orderRefunded(refund(number, true));
        surveys.orderRefunded(refund(partly, false));

        job.askDue(completed.plus(delay));
        assertThat(state(number).get("asked_at")).isNull();
        assertThat(surveys.ofCustomer(buyer.id(), number)).isEmpty();
        assertThat(state(partly).get("asked_at")).as("a partial refund still leaves goods to ask about").isNotNull();
        assertThat(surveys.ofCustomer(buyer.id(), partly)).isPresent();
    }

    private com.micromall.order.OrderRefunded refund(String number, boolean fully) {
        long orderId = jdbc.sql("SELECT order_id FROM satisfaction_survey WHERE order_number = :n").param("n", number)
                .query(Long.class).single();
        return new com.micromall.order.OrderRefunded(orderId, number, buyer.id(), clock.instant(), java.util.List.of(),
                com.micromall.shared.Money.of(new java.math.BigDecimal("10.00"), java.util.Currency.getInstance("CNY")),
                fully, "test");
    }

    @Test
    void aRedeliveredCompletionEventSchedulesNoSecondSurvey() {
        Instant completed = clock.instant();
        String number = fixtures.completedOrder(buyer.id(), completed, product, "Job soap");
        long orderId = jdbc.sql("SELECT order_id FROM satisfaction_survey WHERE order_number = :n").param("n", number)
                .query(Long.class).single();
        surveys.scheduleSurvey(new com.micromall.order.OrderCompleted(orderId, number, buyer.id(), completed,
                java.util.List.of()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE order_id = :o").param("o", orderId)
                .query(Long.class).single()).isEqualTo(1);
    }
}

package com.micromall.care.satisfaction;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo answers on the demo's completed orders, once: a promoter, a passive and a detractor whose follow-up task is
 * open, spread over the last weeks so the owner's chart has something to show. The surveys themselves come from the
 * orders' completion events, which arrive just after the demo orders were made.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
class DemoSatisfaction implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSatisfaction.class);
    private static final Duration WAIT_FOR_SURVEYS = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final SatisfactionSurveys surveys;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoSatisfaction(JdbcClient jdbc, CustomerApi customers, SatisfactionSurveys surveys, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.surveys = surveys;
        this.transaction = transaction;
        this.clock = clock;
    }

    private record Answer(int score, String comment, int daysAgo) {
    }

    /** In survey (completion) order: Anna's first order, Anna's second, Chen's. */
    private static final List<Answer> ANSWERS = List.of(
            new Answer(10, "Fast delivery and the hand cream smells wonderful. I told my sister already!", 20),
            new Answer(8, "Good, but the parcel took a day longer than promised.", 9),
            new Answer(4, "One jar arrived cracked and nobody answered my message for two days.", 2));

    @Override
    public void run(ApplicationArguments args) {
        try {
            create();
        } catch (RuntimeException e) {
            log.warn("Demo satisfaction answers were not created: {}", e.getMessage());
        }
    }

    private void create() {
        if (jdbc.sql("SELECT COUNT(*) FROM satisfaction_answer").query(Long.class).single() > 0) {
            return;
        }
        List<Long> surveyIds = demoSurveys();
        Instant deadline = clock.instant().plus(WAIT_FOR_SURVEYS);
        while (surveyIds.size() < ANSWERS.size() && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            surveyIds = demoSurveys();
        }
        if (surveyIds.size() < ANSWERS.size()) {
            log.info("Demo satisfaction answers skipped: the demo's completed orders have no surveys (yet)");
            return;
        }
        Instant now = clock.instant();
        for (int i = 0; i < ANSWERS.size(); i++) {
            Answer answer = ANSWERS.get(i);
            long surveyId = surveyIds.get(i);
            Instant at = now.minus(Duration.ofDays(answer.daysAgo()));
            transaction.executeWithoutResult(status -> surveys.record(surveyId, answer.score(), answer.comment(), at));
        }
        log.info("Demo satisfaction answers created: a promoter, a passive and a detractor with a follow-up task");
    }

    private List<Long> demoSurveys() {
        List<Long> demoCustomers = customers.withRoles(EnumSet.allOf(Role.class)).stream()
                .filter(c -> c.email().endsWith("@demo.micromall")).map(CustomerProfile::id).toList();
        if (demoCustomers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT s.id FROM satisfaction_survey s
                        WHERE s.customer_id IN (:customers) ORDER BY s.completed_at, s.id LIMIT 3""")
                .param("customers", demoCustomers).query(Long.class).list();
    }
}

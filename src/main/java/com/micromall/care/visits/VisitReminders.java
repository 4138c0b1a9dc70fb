package com.micromall.care.visits;

import com.micromall.care.VisitReminderDue;
import com.micromall.settings.ShopTime;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds customers of a return visit a few days before it is due ({@code micromall.care.visit-reminder-days},
 * 0 turns reminders off). Each visit is claimed by setting its reminded time in the same transaction that publishes
 * the event, so a visit is reminded once however often the job runs; a happy visit's share card is taken in that
 * same transaction.
 */
@Component
@RequiredArgsConstructor
public class VisitReminders {

    private final JdbcClient jdbc;
    private final ShopTime shopTime;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final HappyVisitShareCards shareCards;

    @Value("${micromall.care.visit-reminder-days:3}")
    private int daysBefore;

    record Due(long id, long customerId, String productName, String description, LocalDate dueOn) {
    }

    /** Publishes one reminder per visit due within the next days, each claimed once. */
    @Scheduled(fixedDelayString = "${micromall.care.visit-reminder-interval:PT1H}", initialDelayString = "PT2M")
    @SchedulerLock(name = "care.remindDueVisits", lockAtMostFor = "PT2M")
    public void remindDueVisits() {
        if (daysBefore <= 0) {
            return;
        }
        LocalDate today = shopTime.today();
        List<Due> due = jdbc.sql("""
                        SELECT id, customer_id, product_name, description, due_on FROM care_visit
                        WHERE done_at IS NULL AND reminded_at IS NULL AND due_on >= :today AND due_on <= :until
                        ORDER BY due_on, id LIMIT 500""")
                .param("today", Date.valueOf(today)).param("until", Date.valueOf(today.plusDays(daysBefore)))
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("product_name"),
                        rs.getString("description"), rs.getDate("due_on").toLocalDate()))
                .list();
        for (Due visit : due) {
            transactions.executeWithoutResult(status -> {
                int updated = jdbc.sql("UPDATE care_visit SET reminded_at = :at WHERE id = :id AND reminded_at IS NULL")
                        .param("at", Timestamp.from(shopTime.now())).param("id", visit.id()).update();
                if (updated == 1) {
                    events.publishEvent(new VisitReminderDue(visit.id(), visit.customerId(), visit.productName(),
                            visit.description(), shopTime.startOfDay(visit.dueOn()),
                            shareCards.take(visit.customerId())));
                }
            });
        }
    }
}

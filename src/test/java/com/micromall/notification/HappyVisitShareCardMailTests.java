package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.care.VisitReminderDue;
import com.micromall.care.satisfaction.SatisfactionSurveyJob;
import com.micromall.care.visits.ReturnVisits;
import com.micromall.care.visits.VisitOutcome;
import com.micromall.care.visits.VisitReminders;
import com.micromall.distribution.ShareInvitations;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.settings.ShopTime;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A return visit that left the customer happy puts their share card (own link, QR code, the friend's benefit) into
 * their next care mail, once; other outcomes, a customer who cannot share and a 0–6 answer since then get none.
 */
class HappyVisitShareCardMailTests extends MailServerTests {

    private static final AtomicLong FAKE_ORDER_IDS = new AtomicLong(
            System.nanoTime() % 1_000_000_000L + 7_000_000_000L);

    @Autowired ReturnVisits visits;
    @Autowired VisitReminders reminders;
    @Autowired SatisfactionSurveyJob surveys;
    @Autowired ShareInvitations invitations;
    @Autowired DistributorEnrolment enrolment;
    @Autowired ShopTime shopTime;

    @Test
    void aHappyVisitPutsTheShareCardInTheNextReminderOnlyAndTheOneAfterHasNone() {
        long customerId = customer("Hana Happy", "en");
        LocalDate today = shopTime.today();
        long happy = visit(customerId, "Check " + UUID.randomUUID(), today.minusDays(1));
        String nextDescription = "Next check " + UUID.randomUUID();
        String laterDescription = "Later check " + UUID.randomUUID();
        visit(customerId, nextDescription, today.plusDays(1));
        long later = visit(customerId, laterDescription, today.plusDays(40));

        assertThat(visits.markDone(happy, VisitOutcome.HAPPY, "Works well", "owner@test")).isEqualTo(
                ReturnVisits.Marking.RECORDED);
        reminders.remindDueVisits();
        Mail next = awaitReminder(customerId, nextDescription);

        String shareLink = "https://shop.example" + invitations.invitationOf(customerId).orElseThrow().sharePath();
        assertThat(next.html().select("#share a").eachAttr("href")).containsExactly(shareLink);
        assertThat(next.html().select("#share img").eachAttr("src"))
                .containsExactly("cid:" + ShareSection.QR_CONTENT_ID);
        assertThat(next.inlineImages()).containsExactly(ShareSection.QR_CONTENT_ID);
        assertThat(next.text()).contains(shareLink);
        assertThat(next.html().select("#share").text()).doesNotContainIgnoringCase("earn")
                .doesNotContainIgnoringCase("commission");
        assertThat(pendingCards(customerId)).as("the card went out once").isZero();

        jdbc.sql("UPDATE care_visit SET due_on = :due WHERE id = :id").param("due", Date.valueOf(today.plusDays(2)))
                .param("id", later).update();
        reminders.remindDueVisits();
        Mail after = awaitReminder(customerId, laterDescription);
        assertThat(after.html().select("#share")).isEmpty();
        assertThat(after.inlineImages()).isEmpty();
        assertThat(after.text()).doesNotContain(shareLink);
    }

    @Test
    void aVisitThatFoundAnIssuePutsNoShareCardInTheReminder() {
        long customerId = customer("Ivo Issue", "en");
        LocalDate today = shopTime.today();
        long visited = visit(customerId, "Check " + UUID.randomUUID(), today.minusDays(1));
        String nextDescription = "Next check " + UUID.randomUUID();
        visit(customerId, nextDescription, today.plusDays(1));

        visits.markDone(visited, VisitOutcome.ISSUE_FOUND, "Battery low", "owner@test");
        reminders.remindDueVisits();

        Mail next = awaitReminder(customerId, nextDescription);
        assertThat(next.html().select("#share")).isEmpty();
        assertThat(next.inlineImages()).isEmpty();
    }

    @Test
    void aHappyBuyerWhoCannotShareGetsTheReminderWithoutCardAndWithoutError() {
        long customerId = customer("Sami Suspended", "fil");
        enrolment.enrolActive(customerId);
        enrolment.suspend(customerId, "owner@test");
        LocalDate today = shopTime.today();
        long happy = visit(customerId, "Check " + UUID.randomUUID(), today.minusDays(1));
        String nextDescription = "Next check " + UUID.randomUUID();
        visit(customerId, nextDescription, today.plusDays(1));

        visits.markDone(happy, VisitOutcome.HAPPY, null, "owner@test");
        reminders.remindDueVisits();

        Mail next = awaitReminder(customerId, nextDescription);
        assertThat(next.html().select("#share")).isEmpty();
        assertThat(next.inlineImages()).isEmpty();
        assertThat(invitations.invitationOf(customerId)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublicationsOf(
                event -> event instanceof VisitReminderDue due && due.customerId() == customerId).isEmpty());
    }

    @Test
    void aZeroToSixAnswerAfterTheHappyVisitMeansNoShareAskInTheReminder() {
        long customerId = customer("Dana Detractor", "en");
        LocalDate today = shopTime.today();
        long happy = visit(customerId, "Check " + UUID.randomUUID(), today.minusDays(1));
        String nextDescription = "Next check " + UUID.randomUUID();
        visit(customerId, nextDescription, today.plusDays(1));

        visits.markDone(happy, VisitOutcome.HAPPY, null, "owner@test");
        answer(customerId, 3, Instant.now().plusSeconds(5));
        reminders.remindDueVisits();

        Mail next = awaitReminder(customerId, nextDescription);
        assertThat(next.html().select("#share")).isEmpty();
        assertThat(pendingCards(customerId)).isZero();
    }

    @Test
    void theSurveyMailAfterAHappyVisitCarriesTheShareCardOnce() {
        long customerId = customer("Sofia Survey", "zh-TW");
        long orderId = -FAKE_ORDER_IDS.incrementAndGet();
        String number = "MM-HV" + (-orderId % 100_000_000L);
        Instant completed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(new OrderCompleted(orderId, number, customerId, completed, List.of(new OrderLineSnapshot(1, 1,
                "Rose hand cream", 1, cny("10.00"), cny("10.00"), cny("10.00")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM satisfaction_survey WHERE order_number = :n").param("n", number)
                .query(Long.class).single() == 1);
        long happy = visit(customerId, "Check " + UUID.randomUUID(), shopTime.today().minusDays(1));
        visits.markDone(happy, VisitOutcome.HAPPY, null, "owner@test");

        surveys.askDue(completed.plus(Duration.ofDays(3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !surveyMailsTo(customerId).isEmpty());

        Mail survey = surveyMailsTo(customerId).get(0);
        String shareLink = "https://shop.example" + invitations.invitationOf(customerId).orElseThrow().sharePath();
        assertThat(survey.html().select("#share a").eachAttr("href")).containsExactly(shareLink);
        assertThat(survey.inlineImages()).containsExactly(ShareSection.QR_CONTENT_ID);
        assertThat(survey.html().select("#scores a")).hasSize(11);
        assertThat(pendingCards(customerId)).isZero();
    }

    // ---- helpers ----

    private long visit(long customerId, String description, LocalDate dueOn) {
        long orderId = FAKE_ORDER_IDS.incrementAndGet();
        jdbc.sql("""
                        INSERT INTO care_visit (customer_id, order_id, order_number, product_id, product_name, description,
                                                sequence, due_on)
                        VALUES (:c, :o, 'MM-TEST', 1, 'Smart Lock', :d, 1, :due)""")
                .param("c", customerId).param("o", orderId).param("d", description).param("due", Date.valueOf(dueOn))
                .update();
        return jdbc.sql("SELECT id FROM care_visit WHERE order_id = :o").param("o", orderId).query(Long.class).single();
    }

    /** An answer to an earlier order's survey, given at {@code at}. */
    private void answer(long customerId, int score, Instant at) {
        long orderId = FAKE_ORDER_IDS.incrementAndGet();
        jdbc.sql("""
                        INSERT INTO satisfaction_survey (order_id, order_number, customer_id, completed_at, ask_at,
                                                         asked_at)
                        VALUES (:o, :n, :c, :at, :at, :at)""")
                .param("o", orderId).param("n", "MM-A" + orderId).param("c", customerId)
                .param("at", Timestamp.from(at.minus(Duration.ofDays(4)))).update();
        jdbc.sql("""
                        INSERT INTO satisfaction_answer (survey_id, score, answered_at, changed_at)
                        SELECT id, :score, :at, :at FROM satisfaction_survey WHERE order_id = :o""")
                .param("score", score).param("at", Timestamp.from(at)).param("o", orderId).update();
    }

    private long pendingCards(long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM care_visit WHERE customer_id = :c AND share_card_pending")
                .param("c", customerId).query(Long.class).single();
    }

    private Mail awaitReminder(long customerId, String description) {
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(customerId, description).size() == 1);
        return reminders(customerId, description).get(0);
    }

    private List<Mail> reminders(long customerId, String description) {
        return mailsTo(customerId).stream().map(MailServerTests::read)
                .filter(mail -> mail.html().select("#visit-description").text().equals(description)).toList();
    }

    private List<Mail> surveyMailsTo(long customerId) {
        return mailsTo(customerId).stream().map(MailServerTests::read)
                .filter(mail -> !mail.html().select("#scores").isEmpty()).toList();
    }
}

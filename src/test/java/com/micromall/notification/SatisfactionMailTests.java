package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.micromall.care.satisfaction.SatisfactionSurveyJob;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The survey mail: sent when the delay is over, in the buyer's language, with a link that opens the survey. */
class SatisfactionMailTests extends MailServerTests {

    private static final AtomicLong ORDER_SEQUENCE = new AtomicLong(500_000 + System.currentTimeMillis() % 100_000);

    @Autowired SatisfactionSurveyJob job;
    @Autowired MockMvc mvc;

    /** The survey mails among the customer's mails (the order's own completed mail goes to them too). */
    private List<Mail> surveyMailsTo(long customerId) {
        return mailsTo(customerId).stream().map(MailServerTests::read)
                .filter(mail -> !mail.html().select("#scores").isEmpty()).toList();
    }

    @Test
    void theSurveyMailArrivesInTheBuyersLanguageOnceTheDelayIsOverAndItsLinkOpensTheSurvey() throws Exception {
        long customerId = customer("陈小明", "zh-CN");
        long orderId = -ORDER_SEQUENCE.incrementAndGet();
        String number = "MM-NPS" + (-orderId);
        Instant completed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(new OrderCompleted(orderId, number, customerId, completed, List.of(new OrderLineSnapshot(1, 1,
                "Rose hand cream", 1, cny("10.00"), cny("10.00"), cny("10.00")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM satisfaction_survey WHERE order_number = :n").param("n", number)
                .query(Long.class).single() == 1);

        job.askDue(completed.plus(Duration.ofDays(3)).minusSeconds(1));
        job.askDue(completed.plus(Duration.ofDays(3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !surveyMailsTo(customerId).isEmpty());

        List<Mail> mails = surveyMailsTo(customerId);
        assertThat(mails).hasSize(1);
        Mail mail = mails.get(0);
        assertThat(mail.subject()).contains("您的订单 " + number + " 体验如何");
        assertThat(mail.html().text()).contains("您有多大可能把我们推荐给朋友", "陈小明");
        List<String> links = mail.html().select("#scores a").eachAttr("href");
        assertThat(links).hasSize(11);
        String answerUrl = mail.html().select("a[href]").stream().map(a -> a.attr("href"))
                .filter(href -> !href.contains("?")).filter(href -> href.contains("/satisfaction/")).findFirst()
                .orElseThrow();
        assertThat(answerUrl).matches("https://shop\\.example/satisfaction/[A-Za-z0-9_-]{43}");
        assertThat(links.get(7)).isEqualTo(answerUrl + "?score=7");
        assertThat(mail.text()).contains(answerUrl);

        String path = answerUrl.substring("https://shop.example".length());
        String page = mvc.perform(get(path).param("score", "7").locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#score-7").hasAttr("checked")).isTrue();

        job.askDue(completed.plus(Duration.ofDays(4)));
        Thread.sleep(500); // nothing to wait for: a second mail would be a second event, and there is none
        assertThat(surveyMailsTo(customerId)).hasSize(1);
    }
}

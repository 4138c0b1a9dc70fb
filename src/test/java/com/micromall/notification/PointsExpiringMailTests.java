package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.loyalty.points.PointsBook;
import com.micromall.loyalty.points.PointsJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Points running out within a month are one mail, in the customer's language, however often the job runs. */
class PointsExpiringMailTests extends MailServerTests {

    @Autowired PointsBook book;
    @Autowired PointsJobs jobs;

    @Test
    void pointsRunningOutSoonAreMailedOnceInTheCustomersLanguage() {
        long customer = customer("积分 顾客", "zh-CN");
        Instant now = Instant.now();
        book.recordFrozen(customer, "test:" + UUID.randomUUID(), 320, now.minusSeconds(1), now.plus(Duration.ofDays(20)));
        book.unfreezeDue(customer, now);

        jobs.noticeExpiring(now);
        jobs.noticeExpiring(now);

        Mail mail = awaitMailTo(customer);
        assertThat(mail.subject()).endsWith("您的积分即将过期");
        assertThat(mail.text()).contains("您有 320 积分将于").contains("/account/points");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(customer).size() == 1);
    }
}

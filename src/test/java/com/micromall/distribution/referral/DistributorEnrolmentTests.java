package com.micromall.distribution.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.order.OrderFixtures;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.awaitility.Awaitility.await;

@MicromallTest
class DistributorEnrolmentTests {

    @Autowired DistributorEnrolment enrolment;
    @Autowired DistributionSettingsService settings;
    @Autowired CustomerRegistration registration;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    @Test
    void codesAreEightCharactersFromTheUnambiguousAlphabetAndRandom() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = ReferralCodes.next();
            assertThat(code).hasSize(8).matches("[2-9A-HJKMNP-Z]{8}").doesNotContain("0", "O", "1", "I", "L");
            codes.add(code);
        }
        assertThat(codes).hasSize(2000);
        assertThat(ReferralCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void aCodeThatIsAlreadyTakenIsDrawnAgain() {
        long first = fixtures.customer("Taken First").id();
        long second = fixtures.customer("Taken Second").id();
        String taken = enrolment.enrolActive(first).code();
        String fresh = ReferralCodes.next();
        Deque<String> draws = new ArrayDeque<>(java.util.List.of(taken, taken, fresh));
        enrolment.useCodeSource(draws::pop);
        try {
            assertThat(enrolment.enrolActive(second).code()).isEqualTo(fresh);
        } finally {
            enrolment.useCodeSource(ReferralCodes::next);
        }
    }

    @Test
    void theCodeIsNotDerivedFromTheCustomerId() {
        long id = fixtures.customer("Not Derived").id();
        assertThat(enrolment.enrolActive(id).code()).doesNotContain(Long.toString(id));
    }

    @Test
    void underEveryoneANewCustomerBecomesAnActiveDistributorOnRegistration() {
        long id = CustomerMother.register(registration, "Eve Everyone").getCustomerId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(enrolment.find(id)).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DistributorStatus.ACTIVE)));
    }

    @Test
    void existingCustomersAreEnrolledLazilyWhenTheyFirstNeedACode() {
        long id = fixtures.customer("Lazy Larry").id();
        assertThat(enrolment.find(id)).isEmpty();
        String code = enrolment.codeFor(id).orElseThrow().code();
        assertThat(enrolment.codeFor(id).orElseThrow().code()).isEqualTo(code);
    }

    @Test
    void underApprovalAnApplicationStaysPendingUntilTheOwnerApprovesAndEveryStepIsAudited() {
        DistributionSettings before = settings.current();
        long id = fixtures.customer("Applying Amy").id();
        try {
            settings.update(withRule(before, EnrolmentRule.APPROVAL), "test");
            assertThat(enrolment.codeFor(id)).isEmpty();
            assertThat(enrolment.apply(id)).isEqualTo(DistributorEnrolment.ApplyOutcome.PENDING);
            assertThat(enrolment.find(id).orElseThrow().status()).isEqualTo(DistributorStatus.PENDING);

            enrolment.approve(id, "owner@demo.micromall");
            assertThat(enrolment.find(id).orElseThrow().status()).isEqualTo(DistributorStatus.ACTIVE);
            enrolment.suspend(id, "owner@demo.micromall");
            assertThat(enrolment.find(id).orElseThrow().status()).isEqualTo(DistributorStatus.SUSPENDED);
            assertThatThrownBy(() -> enrolment.approve(id, "owner@demo.micromall")).isInstanceOf(DistributorStateException.class);
            enrolment.reactivate(id, "owner@demo.micromall");
            assertThat(enrolment.find(id).orElseThrow().status()).isEqualTo(DistributorStatus.ACTIVE);

            assertThat(auditLog.latest(50)).filteredOn(e -> e.subject().equals("customer " + id))
                    .extracting(AuditLog.Entry::action)
                    .contains("distribution.distributor.approve", "distribution.distributor.suspend",
                            "distribution.distributor.reactivate");
        } finally {
            settings.update(before, "test");
        }
    }

    @Test
    void underFirstPurchaseACustomerIsEnrolledOnlyWhenAnOrderIsCompleted() {
        DistributionSettings before = settings.current();
        long id = fixtures.customer("First Fiona").id();
        try {
            settings.update(withRule(before, EnrolmentRule.FIRST_PURCHASE), "test");
            enrolment.customerRegistered(id);
            assertThat(enrolment.apply(id)).isEqualTo(DistributorEnrolment.ApplyOutcome.NOT_YET_ELIGIBLE);
            assertThat(enrolment.find(id)).isEmpty();
            enrolment.orderCompleted(id);
            assertThat(enrolment.find(id).orElseThrow().status()).isEqualTo(DistributorStatus.ACTIVE);
        } finally {
            settings.update(before, "test");
        }
    }

    static DistributionSettings withRule(DistributionSettings s, EnrolmentRule rule) {
        return new DistributionSettings(rule, s.level1Percent(), s.level2Percent(), s.attributionDays(),
                s.returnWindowDays(), s.welcomeKind(), s.welcomeValue(), s.welcomeCap(), s.storeCreditBonusPercent(),
                s.withdrawalMinimum(), s.withdrawalFeePercent(), s.monthlyBudget(), s.shareTexts());
    }
}

package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.CommissionReversed;
import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.payout.WithdrawalFixtures;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.WithdrawalPaid;
import com.micromall.distribution.WithdrawalRejected;
import com.micromall.distribution.WithdrawalRequested;
import com.micromall.distribution.DistributorApproved;
import com.micromall.distribution.DistributorEnrolled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Distribution tells what happened, where it happened, with what a listener needs (no one reads distribution's
 * tables for it): commission credited, made available, reversed; withdrawals requested, paid, rejected; a distributor
 * enrolled. Each fact once, however often its action is repeated.
 */
@MicromallTest
@RecordApplicationEvents
class DistributionEventsTests {

    static final String OWNER = "owner@demo.micromall";

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService shopSettings;
    @Autowired DistributionSettingsService settings;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired CommissionCrediting crediting;
    @Autowired WithdrawalService withdrawals;
    @Autowired DistributorEnrolment enrolment;
    @Autowired DistributionApi distribution;
    @Autowired Clock clock;
    @Autowired ApplicationEvents events;

    LedgerFixtures ledgerFixtures;
    WithdrawalFixtures withdrawalFixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        ledgerFixtures = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
        withdrawalFixtures = new WithdrawalFixtures(orders, jdbc, carts, checkout, orderService, shopSettings,
                unfreezeJob);
        original = settings.current();
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void creditingTellsTheSharerOncePerOrderAndLevelThenSettlementAndRefundTellTheirPart() {
        TestCustomer anna = ledgerFixtures.distributor("Anna Events");
        TestCustomer ben = ledgerFixtures.referredBy(anna, "Ben Events");
        long tea = ledgerFixtures.orders.product("Event Tea", "40.00", 10);
        long cup = ledgerFixtures.orders.product("Event Cup", "20.00", 10);
        String number = ledgerFixtures.place(ben, java.util.Map.of(tea, 1, cup, 2), "1 Event Street", "200000");
        long orderId = ledgerFixtures.orderId(number);
        Instant completedAt = clock.instant();
        OrderCompleted completed = new OrderCompleted(orderId, number, ben.id(), completedAt, List.of());

        crediting.credit(completed);
        crediting.credit(completed);

        Money frozen = distribution.balancesOf(anna.id()).frozen();
        assertThat(events.stream(CommissionCredited.class).filter(e -> e.orderNumber().equals(number)))
                .as("one fact for the order's two lines, and none for the repeated delivery")
                .singleElement().satisfies(credited -> {
                    assertThat(credited.distributorId()).isEqualTo(anna.id());
                    assertThat(credited.level()).isEqualTo(1);
                    assertThat(credited.amount().amount()).isEqualByComparingTo(frozen.amount());
                    assertThat(credited.onHold().isPositive()).isFalse();
                    assertThat(credited.entryIds()).hasSize(2);
                    assertThat(credited.unfreezesAt())
                            .isEqualTo(completedAt.plus(Duration.ofDays(original.returnWindowDays())));
                });

        long cupLine = jdbc.sql("SELECT id FROM order_line WHERE order_id = :o AND product_id = :p")
                .param("o", orderId).param("p", cup).query(Long.class).single();
        crediting.takeBack(new OrderRefunded(orderId, number, ben.id(), clock.instant(),
                List.of(new RefundedLine(cupLine, cup, 1, Money.of("1.00", "CNY"))),
                Money.of("1.00", "CNY"), false, "broken"));
        assertThat(events.stream(CommissionReversed.class).filter(e -> e.orderNumber().equals(number)))
                .singleElement().satisfies(reversed -> {
                    assertThat(reversed.distributorId()).isEqualTo(anna.id());
                    assertThat(reversed.amount().isPositive()).isTrue();
                });
        Money left = distribution.balancesOf(anna.id()).frozen();

        unfreezeJob.unfreezeDue(clock.instant().plus(Duration.ofDays(original.returnWindowDays() + 1)));

        assertThat(events.stream(CommissionAvailable.class).filter(e -> e.distributorId() == anna.id()))
                .as("one fact for the distributor, not one per entry").singleElement().satisfies(available -> {
                    assertThat(available.amount().amount()).isEqualByComparingTo(left.amount());
                    assertThat(available.orderNumbers()).containsExactly(number);
                    assertThat(available.entryCount()).isEqualTo(3);
                });
    }

    @Test
    void aWithdrawalTellsItsRequestAndTheOwnersDecisionWithReferenceOrReasonOnce() {
        TestCustomer wendy = withdrawalFixtures.distributorWithAvailable("Wendy Events", "80.00");

        long first = withdrawals.request(wendy.id(), new BigDecimal("30.00"), WithdrawalMethod.ALIPAY, "wendy@ali",
                null).withdrawalId();
        long second = withdrawals.request(wendy.id(), new BigDecimal("20.00"), WithdrawalMethod.BANK, "CN00 1234",
                null).withdrawalId();
        withdrawals.pay(first, "ALI-REF-1", OWNER);
        withdrawals.pay(first, "ALI-REF-1", OWNER);
        withdrawals.reject(second, "account closed", OWNER);

        assertThat(events.stream(WithdrawalRequested.class).filter(e -> e.distributorId() == wendy.id()))
                .extracting(WithdrawalRequested::withdrawalId).containsExactly(first, second);
        assertThat(events.stream(WithdrawalPaid.class).filter(e -> e.distributorId() == wendy.id()))
                .singleElement().satisfies(paid -> {
                    assertThat(paid.withdrawalId()).isEqualTo(first);
                    assertThat(paid.amount().amount()).isEqualByComparingTo("30.00");
                    assertThat(paid.net().plus(paid.fee()).amount()).isEqualByComparingTo(paid.amount().amount());
                    assertThat(paid.paymentReference()).isEqualTo("ALI-REF-1");
                    assertThat(paid.method()).isEqualTo("ALIPAY");
                });
        assertThat(events.stream(WithdrawalRejected.class).filter(e -> e.distributorId() == wendy.id()))
                .singleElement().satisfies(rejected -> {
                    assertThat(rejected.withdrawalId()).isEqualTo(second);
                    assertThat(rejected.reason()).isEqualTo("account closed");
                });
    }

    @Test
    void enrolmentAndTheOwnersApprovalAreToldOnceEach() {
        settings.update(withRule(original, DistributionSettings.EnrolmentRule.APPROVAL), "test");
        TestCustomer carl = ledgerFixtures.orders.customer("Carl Events");

        enrolment.apply(carl.id());
        enrolment.apply(carl.id());
        String code = enrolment.find(carl.id()).orElseThrow().code();
        assertThat(events.stream(DistributorEnrolled.class).filter(e -> e.customerId() == carl.id()))
                .singleElement().satisfies(enrolled -> assertThat(enrolled.code()).isEqualTo(code));
        assertThat(events.stream(DistributorApproved.class)).noneMatch(e -> e.customerId() == carl.id());

        enrolment.approve(carl.id(), OWNER);
        enrolment.apply(carl.id());

        assertThat(events.stream(DistributorApproved.class).filter(e -> e.customerId() == carl.id()))
                .singleElement().satisfies(approved -> assertThat(approved.code()).isEqualTo(code));
        assertThat(events.stream(DistributorEnrolled.class).filter(e -> e.customerId() == carl.id())).hasSize(1);
    }

    private static DistributionSettings withRule(DistributionSettings s, DistributionSettings.EnrolmentRule rule) {
        return new DistributionSettings(rule, s.level1Percent(), s.level2Percent(), s.attributionDays(),
                s.returnWindowDays(), s.welcomeKind(), s.welcomeValue(), s.welcomeCap(), s.storeCreditBonusPercent(),
                s.withdrawalMinimum(), s.withdrawalFeePercent(), s.monthlyBudget(), s.shareTexts());
    }
}

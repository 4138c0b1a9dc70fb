package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Each refund is one fact: two partial refunds of one line take back twice, the same refund heard twice once. */
@MicromallTest
class RefundFactsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired CommissionCrediting crediting;
    @Autowired DistributionSettingsService settings;
    @Autowired Clock clock;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("10"), BigDecimal.ZERO,
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO,
                null, s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null,
                s.shareTexts()), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void twoPartialRefundsOfOneLineAtTheSameMomentAreTwoFactsAndARedeliveredRefundIsOne() {
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Facts Anna"));
        TestCustomer ben = fixtures.referredBy(anna, OrderFixtures.unique("Facts Ben"));
        long tea = fixtures.orders.product(OrderFixtures.unique("Facts Tea"), "10.00", 10);
        String number = fixtures.place(ben, tea, 4);
        fixtures.complete(number);
        long orderId = fixtures.orderId(number);
        long line = fixtures.lineIds(number).get(0);
        Instant at = clock.instant();
        Money cny = Money.zero(distribution.balancesOf(anna.id()).frozen().currency());

        // Two refunds made in the same instant: one unit, then two more. The second is heard twice.
        OrderRefunded one = new OrderRefunded(orderId, number, ben.id(), at,
                List.of(new RefundedLine(line, tea, 1, cny)), cny, false, "returned");
        OrderRefunded two = new OrderRefunded(orderId, number, ben.id(), at,
                List.of(new RefundedLine(line, tea, 2, cny)), cny, false, "returned");
        crediting.takeBack(one);
        crediting.takeBack(two);
        crediting.takeBack(two);

        // 10 % of 40.00 = 4.00; three of four units taken back (1.00 + 2.00), once each.
        assertThat(distribution.ledgerOf(anna.id())).filteredOn(entry -> entry.kind().equals("REVERSAL"))
                .extracting(entry -> entry.amount().amount())
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactlyInAnyOrder(new BigDecimal("-1.00"), new BigDecimal("-2.00"));
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo("1.00");
    }
}

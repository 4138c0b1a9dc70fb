package com.micromall.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.ledger.DistributionApi.LedgerLine;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The return window the order was placed under decides when its commission becomes withdrawable; the job is never run here. */
@MicromallTest
class ReturnWindowTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributionSettingsService settings;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    /** 10 % at level 1, no welcome gift (round figures), and the given return window. */
    private void rules(int returnWindowDays) {
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("10"), BigDecimal.ZERO,
                s.attributionDays(), returnWindowDays, DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()),
                "test");
    }

    private LedgerLine commissionOf(TestCustomer distributor) {
        return distribution.ledgerOf(distributor.id()).stream().filter(l -> l.kind().equals("COMMISSION"))
                .findFirst().orElseThrow();
    }

    @Test
    void withAZeroDayReturnWindowTheCommissionIsWithdrawableAsSoonAsTheOrderCompletes() {
        rules(0);
        TestCustomer anna = fixtures.distributor("Zoe");
        TestCustomer ben = fixtures.referredBy(anna, "Zack");
        String number = fixtures.place(ben, fixtures.orders.product("Cup", "80.00", 10), 1);

        fixtures.complete(number);

        var balances = distribution.balancesOf(anna.id());
        assertThat(balances.available().amount()).isEqualByComparingTo("8.00");
        assertThat(balances.frozen().amount()).isEqualByComparingTo("0");
        assertThat(commissionOf(anna)).satisfies(entry -> {
            assertThat(entry.state()).isEqualTo("AVAILABLE");
            assertThat(entry.timeline()).extracting(DistributionApi.LedgerStep::state)
                    .containsExactly("FROZEN", "AVAILABLE");
        });
    }

    @Test
    void withASevenDayReturnWindowTheCommissionStaysFrozenAtCompletion() {
        rules(7);
        TestCustomer anna = fixtures.distributor("Yara");
        TestCustomer ben = fixtures.referredBy(anna, "Yves");
        String number = fixtures.place(ben, fixtures.orders.product("Bowl", "80.00", 10), 1);

        fixtures.complete(number);

        var balances = distribution.balancesOf(anna.id());
        assertThat(balances.available().amount()).isEqualByComparingTo("0");
        assertThat(balances.frozen().amount()).isEqualByComparingTo("8.00");
        assertThat(commissionOf(anna).state()).isEqualTo("FROZEN");
    }
}

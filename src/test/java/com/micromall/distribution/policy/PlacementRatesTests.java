package com.micromall.distribution.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** An order earns at the rates in force when it was placed: the shop's rate and each product's override. */
@MicromallTest
class PlacementRatesTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributionSettingsService settings;
    @Autowired TransactionTemplate transactions;

    LedgerFixtures fixtures;
    DistributionSettings original;
    /** The product whose override the test raises: put back, so the owner's payout warnings of later tests stay quiet. */
    @Nullable Long cup;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        settings.update(withLevelOne(original, "10"), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
        if (cup != null) {
            jdbc.sql("UPDATE product SET commission_percent = NULL, commission_fixed_amount = NULL WHERE id = :id")
                    .param("id", cup).update();
        }
    }

    @Test
    void ratesChangedRightAfterAnOrderWasPlacedDoNotChangeWhatItEarns() {
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Rates Anna"));
        TestCustomer ben = fixtures.referredBy(anna, OrderFixtures.unique("Rates Ben"));
        long tea = fixtures.orders.product(OrderFixtures.unique("Rates Tea"), "100.00", 10);
        long cup = fixtures.orders.product(OrderFixtures.unique("Rates Cup"), "50.00", 10);
        this.cup = cup;
        fixtures.productCommission(cup, new BigDecimal("20"), null);

        // The owner changes the shop's rate and the cup's override the moment the order is in, before anything
        // else has heard of it.
        String number = transactions.execute(status -> {
            carts.add(CartService.CartKey.customer(ben.id()), tea, 1);
            carts.add(CartService.CartKey.customer(ben.id()), cup, 1);
            String placed = checkout.place(new CheckoutService.PlaceOrder(ben.id(), UUID.randomUUID().toString(), null,
                    new CheckoutService.AddressInput("R", "1", "1 Buyer Street", null, "City", "200000", "CN"),
                    PaymentMethod.BANK_TRANSFER));
            settings.update(withLevelOne(settings.current(), "1"), "test");
            fixtures.productCommission(cup, new BigDecimal("50"), null);
            return placed;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM commission_snapshot WHERE order_number = :n").param("n", number)
                .query(Long.class).single() == 1);
        fixtures.complete(number);

        // Placed at 10 % on the tea and 20 % on the cup: 10.00 + 10.00, not 1.00 + 25.00.
        assertThat(distribution.ledgerOf(anna.id())).filteredOn(line -> line.kind().equals("COMMISSION"))
                .extracting(line -> line.amount().amount())
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactlyInAnyOrder(new BigDecimal("10.00"), new BigDecimal("10.00"));
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo("20.00");
    }

    private static DistributionSettings withLevelOne(DistributionSettings s, String percent) {
        return new DistributionSettings(s.enrolmentRule(), new BigDecimal(percent), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts());
    }
}

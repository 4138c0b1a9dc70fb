package com.micromall.distribution.ledger;

import com.micromall.distribution.policy.WelcomeDiscounts;
import com.micromall.distribution.rewards.DistributorRewards;
import com.micromall.distribution.referral.DistributorChoices;
import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutException;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A referred friend's first-order benefits, asked for by several checkouts at the same moment. */
@MicromallTest
class FirstOrderRaceTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributorRewards rewards;
    @Autowired DistributorChoices choices;
    @Autowired DistributionSettingsService settings;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("10"), new BigDecimal("5"),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, new BigDecimal("10"),
                null, s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()),
                "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    /**
     * Four requests at once, each putting a product in the cart and placing the order: however the
     * orders come out, only one of them is the friend's first and carries the welcome gift and the
     * sharer's friend's share.
     */
    @Test
    void fourCheckoutsAtTheSameMomentGiveTheWelcomeGiftAndTheFriendsShareOnlyOnce() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna-race");
        choices.chooseFriendShare(anna.id(), 50, "test");
        TestCustomer ben = fixtures.referredBy(anna, "Ben-race");
        int requests = 4;
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            products.add(fixtures.orders.product("Race " + i, "20.00", 10));
        }
        // Ben's (empty) cart exists already, as it does after his first visit.
        carts.add(CartService.CartKey.customer(ben.id()), products.get(0), 1);
        carts.remove(CartService.CartKey.customer(ben.id()), products.get(0));
        CyclicBarrier together = new CyclicBarrier(requests);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<String>> placed = new ArrayList<>();
        try {
            for (long product : products) {
                placed.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    carts.add(CartService.CartKey.customer(ben.id()), product, 1);
                    try {
                        return checkout.place(new CheckoutService.PlaceOrder(ben.id(), UUID.randomUUID().toString(), null,
                                new CheckoutService.AddressInput("Ben", "1", "1 Road", null, "City", "200000", "CN"),
                                PaymentMethod.BANK_TRANSFER));
                    } catch (CheckoutException e) {
                        // Another request already ordered what was in the cart.
                        return e.messageKey();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : placed) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o.startsWith("MM-")).isNotEmpty();
            assertThat(outcomes).filteredOn(o -> !o.startsWith("MM-"))
                    .allSatisfy(o -> assertThat(o).isIn("order.checkout.alreadyOrdered", "order.checkout.emptyCart"));
        } finally {
            pool.shutdownNow();
        }

        assertThat(ordersOf(ben, WelcomeDiscounts.SOURCE)).isEqualTo(1);
        assertThat(ordersOf(ben, WelcomeDiscounts.GIFT_SOURCE)).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN shop_order o ON o.id = l.order_id
                WHERE o.customer_id = :c""").param("c", ben.id()).query(Integer.class).single()).isEqualTo(requests);
    }

    private long ordersOf(TestCustomer customer, String discountSource) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT o.id) FROM shop_order o JOIN order_discount d ON d.order_id = o.id
                WHERE o.customer_id = :c AND d.source = :s""")
                .param("c", customer.id()).param("s", discountSource).query(Long.class).single();
    }
}

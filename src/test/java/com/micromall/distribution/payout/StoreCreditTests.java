package com.micromall.distribution.payout;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.rewards.DistributorRewards;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.RewardForm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.order.DiscountLine;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutException;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;

@MicromallTest
class StoreCreditTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributorRewards rewards;
    @Autowired DistributorChoices choices;
    @Autowired StoreCredit storeCredit;
    @Autowired StoreCreditDiscounts storeCreditDiscounts;
    @Autowired DistributionSettingsService settings;
    @Autowired Clock clock;
    @Autowired EventPublicationRepository publications;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, new BigDecimal("10"),
                null, new BigDecimal("20"), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    /** A distributor whose ledger holds {@code available} of AVAILABLE commission, taking rewards as {@code form}. */
    private TestCustomer distributorWith(String name, String available, RewardForm form) {
        TestCustomer distributor = fixtures.distributor(name);
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-CREDIT', :line, 1, 1, 'COMMISSION', 1, '10%', :amount, 'CNY', 'AVAILABLE', :at, :at)""")
                .param("d", distributor.id()).param("line", 2_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                .param("amount", new BigDecimal(available)).param("at", Timestamp.from(clock.instant())).update();
        fixtures.totals(distributor.id());
        choices.chooseRewardForm(distributor.id(), form, "test");
        return distributor;
    }

    private List<DiscountLine> creditLines(TestCustomer buyer) {
        return checkout.summary(buyer.id()).discounts().stream().filter(d -> d.source().equals("store-credit")).toList();
    }

    private String place(TestCustomer buyer) {
        return checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
    }

    private BigDecimal available(TestCustomer distributor) {
        return distribution.balancesOf(distributor.id()).available().amount();
    }

    private long orderId(String number) {
        return jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", number).query(Long.class).single();
    }

    @Test
    void storeCreditIsWorthTheBonusMoreAtCheckoutAndTakesOnlyTheCashOutOfAvailable() {
        TestCustomer anna = distributorWith("Anna Credit", "10.00", RewardForm.STORE_CREDIT);
        assertThat(storeCredit.balanceOf(anna.id()).amount()).isEqualByComparingTo("12.00");
        long lamp = fixtures.orders.product("Credit Lamp", "30.00", 10);
        carts.add(CartService.CartKey.customer(anna.id()), lamp, 1);

        assertThat(creditLines(anna)).singleElement().satisfies(line -> {
            assertThat(line.amount().amount()).isEqualByComparingTo("12.00");
            assertThat(line.labelKey()).isEqualTo("distribution.rewards.credit.label");
            assertThat(line.labelArgs()).containsExactly("20");
        });
        String number = place(anna);

        assertThat(jdbc.sql("SELECT SUM(l.paid_amount) FROM order_line l WHERE l.order_id = :o").param("o", orderId(number))
                .query(BigDecimal.class).single()).isEqualByComparingTo("18.00");
        var balances = distribution.balancesOf(anna.id());
        assertThat(balances.available().amount()).isEqualByComparingTo("0.00");
        assertThat(balances.creditSpent().amount()).isEqualByComparingTo("10.00");
        assertThat(jdbc.sql("SELECT credit_amount FROM store_credit_spend WHERE order_id = :o").param("o", orderId(number))
                .query(BigDecimal.class).single()).isEqualByComparingTo("12.00");
        assertThat(creditLines(anna)).as("nothing left to spend").isEmpty();
    }

    @Test
    void creditOnlyCoversWhatIsLeftAfterTheWelcomeDiscountAndTakesTheCashRoundedUp() {
        TestCustomer sharer = fixtures.distributor("Sharer Of Credit");
        TestCustomer ben = distributorWith("Ben Credit", "10.00", RewardForm.STORE_CREDIT);
        fixtures.bind(ben, sharer);
        long soap = fixtures.orders.product("Credit Soap", "10.00", 10);
        carts.add(CartService.CartKey.customer(ben.id()), soap, 1);

        List<DiscountLine> discounts = checkout.summary(ben.id()).discounts();
        assertThat(discounts).extracting(DiscountLine::source).containsExactly("welcome", "store-credit");
        assertThat(discounts.get(1).amount().amount()).isEqualByComparingTo("9.00");
        String number = place(ben);

        // 9.00 credit ÷ 1.20 = 7.50 of cash; the goods cost nothing.
        assertThat(available(ben)).isEqualByComparingTo("2.50");
        assertThat(jdbc.sql("SELECT SUM(l.paid_amount) FROM order_line l WHERE l.order_id = :o").param("o", orderId(number))
                .query(BigDecimal.class).single()).isEqualByComparingTo("0.00");
        assertThat(storeCredit.cashFor(com.micromall.shared.Money.of("1.00", "CNY")).amount())
                .as("1.00 ÷ 1.2 = 0.8333 rounds up").isEqualByComparingTo("0.84");
    }

    @Test
    void cashDistributorsGetNoCreditLineAndTheirMoneyStaysWithdrawable() {
        TestCustomer carl = distributorWith("Carl Cash", "10.00", RewardForm.CASH);
        carts.add(CartService.CartKey.customer(carl.id()), fixtures.orders.product("Cash Mug", "30.00", 10), 1);

        assertThat(storeCredit.balanceOf(carl.id()).isZero()).isTrue();
        assertThat(creditLines(carl)).isEmpty();
        place(carl);
        assertThat(available(carl)).isEqualByComparingTo("10.00");
    }

    @Test
    void cancellingTheOrderGivesTheCreditBackOnceAndAReplayedEventChangesNothing() {
        TestCustomer dina = distributorWith("Dina Cancel", "10.00", RewardForm.STORE_CREDIT);
        carts.add(CartService.CartKey.customer(dina.id()), fixtures.orders.product("Cancel Vase", "30.00", 10), 1);
        String number = place(dina);
        assertThat(available(dina)).isEqualByComparingTo("0.00");

        orderService.cancelByCustomer(dina.id(), number);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT restored_at IS NOT NULL FROM store_credit_spend WHERE order_id = :o").param("o", orderId(number))
                .query(Boolean.class).single());
        assertThat(available(dina)).isEqualByComparingTo("10.00");
        Timestamp restoredAt = jdbc.sql("SELECT restored_at FROM store_credit_spend WHERE order_id = :o")
                .param("o", orderId(number)).query(Timestamp.class).single();

        storeCreditDiscounts.restoreOnOrderCancelled(new OrderCancelled(orderId(number), number, dina.id(),
                clock.instant().plusSeconds(60), OrderCancelled.CancelReason.CUSTOMER));
        assertThat(available(dina)).isEqualByComparingTo("10.00");
        assertThat(distribution.balancesOf(dina.id()).creditSpent().amount()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT restored_at FROM store_credit_spend WHERE order_id = :o").param("o", orderId(number))
                .query(Timestamp.class).single()).isEqualTo(restoredAt);
    }

    @Test
    void aFullRefundGivesTheCreditBackAPartialRefundDoesNot() {
        TestCustomer erin = distributorWith("Erin Refund", "10.00", RewardForm.STORE_CREDIT);
        carts.add(CartService.CartKey.customer(erin.id()), fixtures.orders.product("Refund Cup", "15.00", 10), 2);
        String number = place(erin);
        orderService.confirmPayment(number, LedgerFixtures.OWNER);
        List<Long> lines = jdbc.sql("SELECT id FROM order_line WHERE order_id = :o").param("o", orderId(number))
                .query(Long.class).list();

        orderService.refund(number, java.util.Map.of(lines.get(0), 1), "one broke", LedgerFixtures.OWNER);
        awaitNoPendingRefund(number);
        assertThat(available(erin)).isEqualByComparingTo("0.00");

        orderService.refund(number, java.util.Map.of(lines.get(0), 1), "both broke", LedgerFixtures.OWNER);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(available(erin)).isEqualByComparingTo("10.00"));
    }

    /** A partial refund gives nothing back, so there is no effect to wait for: waits until the listener heard it. */
    private void awaitNoPendingRefund(String number) {
        await().atMost(Duration.ofSeconds(10)).until(() -> publications.findIncompletePublications().stream()
                .noneMatch(p -> p.getEvent() instanceof OrderRefunded refund && refund.orderNumber().equals(number)
                        && p.getTargetIdentifier().getValue().contains("StoreCreditDiscounts")));
    }

    @Test
    void eightOrdersPlacedAtOnceSpendTheCreditAtMostOnceAndRefusedOrdersLeaveNoTrace() throws Exception {
        TestCustomer fay = distributorWith("Fay Race", "10.00", RewardForm.STORE_CREDIT);
        long kettle = fixtures.orders.product("Race Kettle", "30.00", 100);
        carts.add(CartService.CartKey.customer(fay.id()), kettle, 1);
        assertThat(creditLines(fay)).hasSize(1);

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return place(fay);
                } catch (DiscountUnavailableException e) {
                    return "refused";
                } catch (CheckoutException e) {
                    return "checkout:" + e.messageKey();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get()); // an unexpected exception fails the test here
        }
        pool.shutdown();

        List<String> placed = outcomes.stream().filter(o -> o.startsWith("MM-")).toList();
        assertThat(placed).as(outcomes.toString()).isNotEmpty();
        assertThat(outcomes).allMatch(o -> o.startsWith("MM-") || o.equals("refused") || o.equals("checkout:order.checkout.emptyCart")
                || o.equals("checkout:order.checkout.alreadyOrdered"));
        BigDecimal spent = jdbc.sql("SELECT COALESCE(SUM(cash_amount), 0) FROM store_credit_spend WHERE distributor_id = :d")
                .param("d", fay.id()).query(BigDecimal.class).single();
        assertThat(spent).isEqualByComparingTo("10.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM store_credit_spend WHERE distributor_id = :d").param("d", fay.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(available(fay)).isEqualByComparingTo("0.00");
        long orders = jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", fay.id())
                .query(Long.class).single();
        assertThat(orders).isEqualTo(placed.size());
        assertThat(fixtures.orders.stock(kettle)).as("refused orders put their stock back").isEqualTo(100 - placed.size());
    }
}

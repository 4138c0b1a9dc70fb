package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.oversight.LedgerAdministration;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.ledger.LedgerStateException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.distribution.ledger.DistributionApi.LedgerLine;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@MicromallTest
class CommissionCreditingTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired CommissionCrediting crediting;
    @Autowired LedgerAdministration administration;
    @Autowired DistributionSettingsService settings;
    @Autowired AuditLog auditLog;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    LedgerFixtures fixtures;
    DistributionSettings original;

    /**
     * Referred buyers' first orders get the welcome discount, which lowers the commission base. Most
     * rules here are easier to read on round prices, so the welcome gift is off unless a test turns it on.
     */
    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        settings.update(withWelcome(original, "0"), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    private static DistributionSettings withWelcome(DistributionSettings s, String percent) {
        return new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(), s.attributionDays(),
                s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, new BigDecimal(percent), null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), s.monthlyBudget(),
                s.shareTexts());
    }

    private List<LedgerLine> commissions(TestCustomer distributor) {
        return distribution.ledgerOf(distributor.id()).stream().filter(l -> l.kind().equals("COMMISSION")).toList();
    }

    private void unfreezeAt(Duration later) {
        transactions.executeWithoutResult(s -> LedgerFixtures.unfreezeDue(jdbc, clock, clock.instant().plus(later)));
    }

    @Test
    void aCompletedOrderCreditsAFrozenEntryOfTheRateTimesWhatWasPaidRoundedDownThenTheJobMakesItAvailable() {
        settings.update(withWelcome(original, "10"), "test");
        TestCustomer anna = fixtures.distributor("Anna");
        TestCustomer ben = fixtures.referredBy(anna, "Ben");
        // Ben's first order: 33.39 less the 10 % welcome gift (3.339 → 3.33) = 30.06 paid for goods;
        // Anna's 10 % of what Ben paid = 3.006, rounded down to 3.00.
        long product = fixtures.orders.product("Tea", "33.39", 10);
        String number = fixtures.place(ben, product, 1);
        assertThat(jdbc.sql("SELECT l.paid_amount FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE o.number = ?")
                .param(number).query(BigDecimal.class).single()).isEqualByComparingTo("30.06");

        assertThat(distribution.balancesOf(anna.id()).expected().amount()).isEqualByComparingTo("3.00");
        fixtures.complete(number);

        assertThat(commissions(anna)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo("FROZEN");
            assertThat(e.amount().amount()).isEqualByComparingTo("3.00");
            assertThat(e.level()).isEqualTo(1);
            assertThat(e.timeline()).extracting(DistributionApi.LedgerStep::state).containsExactly("FROZEN");
        });
        var balances = distribution.balancesOf(anna.id());
        assertThat(balances.frozen().amount()).isEqualByComparingTo("3.00");
        assertThat(balances.expected().amount()).isEqualByComparingTo("0");

        unfreezeAt(Duration.ofDays(6));
        assertThat(commissions(anna)).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo("FROZEN"));

        unfreezeAt(Duration.ofDays(7).plusMinutes(1));
        assertThat(commissions(anna)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo("AVAILABLE");
            assertThat(e.timeline()).extracting(DistributionApi.LedgerStep::state).containsExactly("FROZEN", "AVAILABLE");
        });
        assertThat(distribution.balancesOf(anna.id()).available().amount()).isEqualByComparingTo("3.00");
    }

    @Test
    void withLevelTwoOnTheReferrersReferrerGetsTheLevelTwoRateAndChangingRatesLaterChangesNothing() {
        DistributionSettings before = settings.current();
        try {
            settings.update(withRates(before, "10", "5"), "test");
            TestCustomer grand = fixtures.distributor("Grand");
            TestCustomer anna = fixtures.distributor("Anna2");
            fixtures.bind(anna, grand);
            TestCustomer ben = fixtures.referredBy(anna, "Ben2");
            long product = fixtures.orders.product("Pot", "50.00", 10);
            String number = fixtures.place(ben, product, 1);

            settings.update(withRates(before, "30", "0"), "test");
            fixtures.complete(number);

            assertThat(commissions(anna)).singleElement().satisfies(e -> assertThat(e.amount().amount()).isEqualByComparingTo("5.00"));
            assertThat(commissions(grand)).singleElement().satisfies(e -> {
                assertThat(e.level()).isEqualTo(2);
                assertThat(e.amount().amount()).isEqualByComparingTo("2.50");
            });
        } finally {
            settings.update(before, "test");
        }
    }

    private static DistributionSettings withRates(DistributionSettings s, String level1, String level2) {
        return new DistributionSettings(s.enrolmentRule(), new BigDecimal(level1), new BigDecimal(level2),
                s.attributionDays(), s.returnWindowDays(), s.welcomeKind(), s.welcomeValue(), s.welcomeCap(),
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts());
    }

    @Test
    void aProductOverrideOfZeroGivesNoCommissionForThatLineAndAFixedOverrideIsPerUnit() {
        TestCustomer anna = fixtures.distributor("Anna3");
        TestCustomer ben = fixtures.referredBy(anna, "Ben3");
        long none = fixtures.orders.product("Free", "20.00", 10);
        long fixed = fixtures.orders.product("Fixed", "20.00", 10);
        fixtures.productCommission(none, BigDecimal.ZERO, null);
        fixtures.productCommission(fixed, null, new BigDecimal("1.50"));
        String number = fixtures.place(ben, Map.of(none, 1, fixed, 2), "1 Buyer Street", "200000");
        fixtures.productCommission(fixed, null, new BigDecimal("9.00"));

        fixtures.complete(number);

        assertThat(commissions(anna)).singleElement().satisfies(e -> {
            assertThat(e.productId()).isEqualTo(fixed);
            assertThat(e.amount().amount()).isEqualByComparingTo("3.00");
        });
    }

    @Test
    void aFullRefundBeforeTheWindowReversesTheEntry() {
        TestCustomer anna = fixtures.distributor("Anna4");
        TestCustomer ben = fixtures.referredBy(anna, "Ben4");
        long product = fixtures.orders.product("Vase", "40.00", 10);
        String number = fixtures.place(ben, product, 2);
        fixtures.complete(number);

        fixtures.refund(number, fixtures.lineIds(number).get(0), 2);

        assertThat(commissions(anna)).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo("REVERSED"));
        var balances = distribution.balancesOf(anna.id());
        assertThat(balances.frozen().amount()).isEqualByComparingTo("0");
        assertThat(balances.available().amount()).isEqualByComparingTo("0");
    }

    @Test
    void refundingOneOfThreeUnitsReversesOnlyThatShareAndKeptPlusReversedIsTheOriginal() {
        TestCustomer anna = fixtures.distributor("Anna5");
        TestCustomer ben = fixtures.referredBy(anna, "Ben5");
        long product = fixtures.orders.product("Cup", "3.33", 10);
        String number = fixtures.place(ben, product, 3);
        fixtures.complete(number);
        long line = fixtures.lineIds(number).get(0);

        fixtures.refund(number, line, 1);

        List<LedgerLine> lines = distribution.ledgerOf(anna.id());
        LedgerLine commission = lines.stream().filter(l -> l.kind().equals("COMMISSION")).findFirst().orElseThrow();
        LedgerLine reversal = lines.stream().filter(l -> l.kind().equals("REVERSAL")).findFirst().orElseThrow();
        assertThat(commission.amount().amount()).isEqualByComparingTo("0.99");
        assertThat(commission.state()).isEqualTo("FROZEN");
        assertThat(reversal.amount().amount()).isEqualByComparingTo("-0.33");
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo("0.66");

        fixtures.refund(number, line, 2);
        List<LedgerLine> after = distribution.ledgerOf(anna.id());
        assertThat(after).filteredOn(l -> l.kind().equals("REVERSAL")).extracting(l -> l.amount().amount())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("-0.33"), new BigDecimal("-0.66"));
        assertThat(after).allSatisfy(l -> assertThat(l.state()).isEqualTo("REVERSED"));
    }

    @Test
    void aRefundAfterTheWindowIsAClawbackEntryThatLowersTheAvailableBalance() {
        TestCustomer anna = fixtures.distributor("Anna6");
        TestCustomer ben = fixtures.referredBy(anna, "Ben6");
        long product = fixtures.orders.product("Lamp", "80.00", 10);
        String number = fixtures.place(ben, product, 1);
        fixtures.complete(number);
        unfreezeAt(Duration.ofDays(8));
        assertThat(distribution.balancesOf(anna.id()).available().amount()).isEqualByComparingTo("8.00");

        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);

        assertThat(distribution.ledgerOf(anna.id())).filteredOn(l -> l.kind().equals("CLAWBACK")).singleElement()
                .satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("-8.00"));
        var balances = distribution.balancesOf(anna.id());
        assertThat(balances.available().amount()).isEqualByComparingTo("0");
        assertThat(balances.clawedBack().amount()).isEqualByComparingTo("8.00");
        assertThat(commissions(anna)).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo("AVAILABLE"));
    }

    @Test
    void theSameOrderCompletedDeliveredTwiceAndFromEightThreadsCreditsExactlyOnce() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna7");
        TestCustomer ben = fixtures.referredBy(anna, "Ben7");
        long product = fixtures.orders.product("Bowl", "10.00", 10);
        long other = fixtures.orders.product("Plate", "20.00", 10);
        String number = fixtures.place(ben, Map.of(product, 1, other, 1), "1 Buyer Street", "200000");
        fixtures.complete(number);
        OrderCompleted event = completedEvent(number, ben);

        crediting.credit(event);
        crediting.credit(event);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                crediting.credit(event);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(commissions(anna)).hasSize(2);
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo("3.00");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM commission_entry_event ev JOIN commission_entry e ON e.id = ev.entry_id
                WHERE e.distributor_id = :d""").param("d", anna.id()).query(Long.class).single()).isEqualTo(2);
    }

    private OrderCompleted completedEvent(String number, TestCustomer buyer) {
        long orderId = fixtures.orderId(number);
        List<OrderLineSnapshot> lines = List.of();
        return new OrderCompleted(orderId, number, buyer.id(), clock.instant(), lines);
    }

    @Test
    void holdsForSharedDeviceAndSharedAddressAndTheOwnersReleaseAndVoidAreAudited() {
        TestCustomer anna = fixtures.distributor("Anna8");
        TestCustomer ben = fixtures.referredBy(anna, "Ben8");
        String hash = OrderFixtures.unique("dev");
        fixtures.device(anna, hash);
        fixtures.device(ben, hash);
        long product = fixtures.orders.product("Rug", "100.00", 10);
        String first = fixtures.place(ben, product, 1);
        fixtures.complete(first);

        LedgerLine held = commissions(anna).get(0);
        assertThat(held.state()).isEqualTo("ON_HOLD");
        assertThat(held.holdReason()).isEqualTo("SHARED_DEVICE");

        administration.release(held.entryId(), LedgerFixtures.OWNER);
        assertThat(commissions(anna).get(0).state()).isEqualTo("FROZEN");
        assertThat(auditLog.latest(20)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("distribution.entry.release");
            assertThat(a.subject()).isEqualTo("commission_entry:" + held.entryId());
        });
        assertThatThrownBy(() -> administration.release(held.entryId(), LedgerFixtures.OWNER))
                .isInstanceOf(LedgerStateException.class);

        TestCustomer cara = fixtures.distributor("Cara8");
        TestCustomer dan = fixtures.referredBy(cara, "Dan8");
        fixtures.orders.address(cara.id());
        String second = fixtures.place(dan, Map.of(product, 1), "9 saved road.", "310000");
        fixtures.complete(second);
        LedgerLine byAddress = commissions(cara).get(0);
        assertThat(byAddress.state()).isEqualTo("ON_HOLD");
        assertThat(byAddress.holdReason()).isEqualTo("SHARED_ADDRESS");

        administration.voidEntry(byAddress.entryId(), "same household", LedgerFixtures.OWNER);
        assertThat(commissions(cara).get(0).state()).isEqualTo("VOID");
        assertThat(auditLog.latest(20)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("distribution.entry.void");
            assertThat(a.newValue()).contains("same household");
        });
        assertThat(distribution.balancesOf(cara.id()).onHold().amount()).isEqualByComparingTo("0");
    }

    @Test
    void overTheMonthlyBudgetNewEntriesGoOnHoldAndTheOwnerIsAlerted() {
        DistributionSettings before = settings.current();
        try {
            BigDecimal creditedThisMonth = jdbc.sql("""
                    SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                    WHERE kind = 'COMMISSION' AND level > 0 AND state IN ('FROZEN', 'AVAILABLE') AND created_at >= date_trunc('month', now())""")
                    .query(BigDecimal.class).single();
            DistributionSettings withBudget = withRates(before, "10", "0");
            settings.update(new DistributionSettings(withBudget.enrolmentRule(), withBudget.level1Percent(),
                    withBudget.level2Percent(), withBudget.attributionDays(), withBudget.returnWindowDays(),
                    withBudget.welcomeKind(), withBudget.welcomeValue(), withBudget.welcomeCap(),
                    withBudget.storeCreditBonusPercent(), withBudget.withdrawalMinimum(),
                    withBudget.withdrawalFeePercent(), creditedThisMonth.add(new BigDecimal("1.00")),
                    withBudget.shareTexts()), "test");
            TestCustomer anna = fixtures.distributor("Anna9");
            TestCustomer ben = fixtures.referredBy(anna, "Ben9");
            long product = fixtures.orders.product("Chair", "50.00", 10);
            String number = fixtures.place(ben, product, 1);
            fixtures.complete(number);

            assertThat(commissions(anna)).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo("ON_HOLD");
                assertThat(e.holdReason()).isEqualTo("BUDGET");
            });
            assertThat(auditLog.latest(50)).anySatisfy(a -> assertThat(a.action()).isEqualTo("distribution.budgetExceeded"));
        } finally {
            settings.update(before, "test");
        }
    }

    @Test
    void aCancelledOrderCreditsNothingAndIsNoLongerExpected() {
        TestCustomer anna = fixtures.distributor("Anna10");
        TestCustomer ben = fixtures.referredBy(anna, "Ben10");
        long product = fixtures.orders.product("Stool", "30.00", 10);
        String number = fixtures.place(ben, product, 1);
        assertThat(distribution.balancesOf(anna.id()).expected().amount()).isEqualByComparingTo("3.00");

        orderService.cancelByOwner(number, LedgerFixtures.OWNER);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                distribution.balancesOf(anna.id()).expected().isZero());
        assertThat(distribution.ledgerOf(anna.id())).isEmpty();
    }

    @Test
    void unitsRefundedBeforeCompletionEarnNothingWhenTheOrderCompletes() {
        TestCustomer anna = fixtures.distributor("Anna11");
        TestCustomer ben = fixtures.referredBy(anna, "Ben11");
        long product = fixtures.orders.product("Spoon", "10.00", 10);
        String number = fixtures.place(ben, product, 3);
        orderService.confirmPayment(number, LedgerFixtures.OWNER);
        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);
        orderService.ship(number, LedgerFixtures.OWNER, "parcel");
        orderService.complete(number, LedgerFixtures.OWNER);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !commissions(anna).isEmpty());
        assertThat(commissions(anna)).singleElement().satisfies(e -> assertThat(e.amount().amount()).isEqualByComparingTo("2.00"));
    }
}

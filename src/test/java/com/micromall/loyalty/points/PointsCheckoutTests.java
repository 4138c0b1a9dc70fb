package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.RewardForm;
import com.micromall.loyalty.vouchers.NewVoucherTemplate;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.loyalty.vouchers.VoucherTemplate;
import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutOption;
import com.micromall.order.DiscountLine;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Points through real orders on PostgreSQL: earned on completion, spent at checkout exactly once, given back. */
@MicromallTest
class PointsCheckoutTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired PointsBook book;
    @Autowired PointsDiscounts pointsDiscounts;
    @Autowired PointsSettingsService pointsSettings;
    @Autowired ShopSettingsService shopSettings;
    @Autowired DistributionSettingsService distributionSettings;
    @Autowired DistributorChoices choices;
    @Autowired VoucherIssuing vouchers;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    @AutoClose PointsFixtures points;
    OrderFixtures orders;
    LedgerFixtures ledger;

    @BeforeEach
    void setUp() {
        points = new PointsFixtures(jdbc, encoder, book, pointsSettings, carts).on("1.5", 100, "0.01", "50", 0);
        orders = points.orders;
        ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
    }

    private String place(TestCustomer buyer, Map<String, String> picked) {
        return checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER)
                .withChoices(picked));
    }

    private List<String> entriesOf(long customer) {
        return jdbc.sql("SELECT kind, state, points FROM loyalty_points_entry WHERE customer_id = :c ORDER BY id")
                .param("c", customer).query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3))
                .list();
    }

    private BigDecimal paidFor(String number) {
        return jdbc.sql("SELECT SUM(paid_amount) FROM order_line WHERE order_id = :o").param("o", points.orderId(number))
                .query(BigDecimal.class).single();
    }

    /**
     * The buyer earns 1.5 points per yuan paid for goods (after the welcome gift, without shipping), rounded down; the
     * inviter earns 100 points for the friend's first completed order only. Both frozen for the return window.
     */
    @Test
    void aCompletedOrderEarnsFrozenPointsOnTheGoodsPaidAndTheInviterGetsReferralPointsForTheFirstOrderOnly() {
        TestCustomer sharer = ledger.distributor(OrderFixtures.unique("Points Sharer"));
        TestCustomer friend = ledger.referredBy(sharer, OrderFixtures.unique("Points Friend"));
        long product = orders.product(OrderFixtures.unique("Points Tea"), "33.33", 10);

        String first = ledger.place(friend, product, 1);
        ledger.complete(first);
        long expected = paidFor(first).multiply(new BigDecimal("1.5")).setScale(0, RoundingMode.DOWN).longValueExact();
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesOf(sharer.id()).size() == 1
                && entriesOf(friend.id()).size() == 1);
        assertThat(paidFor(first)).as("the welcome gift came off").isLessThan(new BigDecimal("33.33"));
        assertThat(entriesOf(friend.id())).containsExactly("EARNED FROZEN " + expected);
        assertThat(entriesOf(sharer.id())).containsExactly("EARNED FROZEN 100");
        Instant unfreezesAt = jdbc.sql("SELECT unfreezes_at FROM loyalty_points_entry WHERE customer_id = :c")
                .param("c", friend.id()).query(Timestamp.class).single().toInstant();
        Instant windowEnd = Instant.now().plus(Duration.ofDays(distributionSettings.current().returnWindowDays()));
        assertThat(unfreezesAt).as("frozen for the return window from completion")
                .isBetween(windowEnd.minus(Duration.ofMinutes(2)), windowEnd);

        String second = ledger.place(friend, product, 1);
        ledger.complete(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesOf(friend.id()).size() == 2);
        assertThat(entriesOf(sharer.id())).as("no referral points for the second order").hasSize(1);
    }

    /**
     * Three units; one refunded while the points are frozen (a REVERSAL of its share, as the sharer's commission gets),
     * one after they became available (a CLAWBACK); what is kept plus what was taken back is what was earned.
     */
    @Test
    void refundsTakeBackPointsLikeCommissionAndKeptPlusTakenBackIsTheOriginal() {
        TestCustomer sharer = ledger.distributor(OrderFixtures.unique("Refund Sharer"));
        TestCustomer buyer = ledger.referredBy(sharer, OrderFixtures.unique("Refund Buyer"));
        long product = orders.product(OrderFixtures.unique("Refund Cup"), "10.01", 10);
        String number = ledger.place(buyer, product, 3);
        ledger.complete(number);
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesOf(buyer.id()).size() == 1);
        long earned = jdbc.sql("SELECT points FROM loyalty_points_entry WHERE customer_id = :c").param("c", buyer.id())
                .query(Long.class).single();
        long line = ledger.lineIds(number).get(0);

        ledger.refund(number, line, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesOf(buyer.id()).size() == 2);
        assertThat(entriesOf(buyer.id()).get(1)).startsWith("REVERSAL FROZEN -");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM commission_entry WHERE order_number = :n AND kind = 'REVERSAL'")
                .param("n", number).query(Long.class).single()).as("the commission was reversed alike").isPositive();

        book.unfreezeDue(buyer.id(), Instant.now().plus(Duration.ofDays(400)));
        ledger.refund(number, line, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesOf(buyer.id()).size() == 3);
        assertThat(entriesOf(buyer.id()).get(2)).startsWith("CLAWBACK AVAILABLE -");

        long takenBack = -jdbc.sql("SELECT SUM(points) FROM loyalty_points_entry WHERE customer_id = :c AND kind <> 'EARNED'")
                .param("c", buyer.id()).query(Long.class).single();
        long kept = jdbc.sql("SELECT available FROM loyalty_points_balance WHERE customer_id = :c").param("c", buyer.id())
                .query(Long.class).single();
        assertThat(kept + takenBack).isEqualTo(earned);
        assertThat(takenBack).as("two of three units' share, rounded down each time").isEqualTo(earned * 2 / 3);
    }

    /** Goods 50.00, cap 50 % = 25.00, but 1 000 points at 0.01 pay 10.00: all of them go, and a cancel gives them back. */
    @Test
    void usingPointsTakesWhatTheBalanceAndCapAllowSpreadsItOverTheLinesAndACancelGivesThemBack() {
        TestCustomer buyer = points.customerWith("Points Buyer", 1000);
        points.inCart(buyer, "33.33", "16.67");

        CheckoutOption option = checkout.summary(buyer.id(), Map.of()).options().stream()
                .filter(o -> o.source().equals("points")).findFirst().orElseThrow();
        assertThat(option.available()).isTrue();
        assertThat(option.labelArgs().get(0)).isEqualTo("1000");

        String number = place(buyer, Map.of("points", "use"));

        assertThat(jdbc.sql("SELECT amount FROM order_discount WHERE order_id = :o AND source = 'points'")
                .param("o", points.orderId(number)).query(BigDecimal.class).single()).isEqualByComparingTo("10.00");
        assertThat(jdbc.sql("""
                SELECT d.amount FROM order_line_discount d JOIN order_line l ON l.id = d.order_line_id
                WHERE l.order_id = :o AND d.source = 'points' ORDER BY l.position""").param("o", points.orderId(number))
                .query(BigDecimal.class).list()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("6.67"), new BigDecimal("3.33"));
        assertThat(book.availableOf(buyer.id())).isZero();

        orderService.cancelByCustomer(buyer.id(), number);
        await().atMost(Duration.ofSeconds(10)).until(() -> book.availableOf(buyer.id()) == 1000);
        assertThat(entriesOf(buyer.id())).endsWith("SPENT AVAILABLE -1000", "RETURNED AVAILABLE 1000");
    }

    @Test
    void theCapLimitsThePointsAndABuyerWhoDoesNotPickThemSpendsNone() {
        TestCustomer buyer = points.customerWith("Capped Buyer", 5000);
        points.inCart(buyer, "20.01");

        List<DiscountLine> lines = checkout.summary(buyer.id(), Map.of("points", "use")).discounts();
        assertThat(lines).filteredOn(l -> l.source().equals("points")).singleElement()
                .satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("10.00"))
                .satisfies(l -> assertThat(l.labelArgs()).containsExactly("1000"));

        place(buyer, Map.of());
        assertThat(book.availableOf(buyer.id())).isEqualTo(5000);
    }

    /** 1 000 points may pay 10.00: the buyer is offered 750, 500 and 250 too, and keeps what they do not pick. */
    @Test
    void aBuyerMayUseFewerPointsAndKeepTheRest() {
        TestCustomer buyer = points.customerWith("Thrifty Buyer", 1000);
        points.inCart(buyer, "50.00");

        assertThat(checkout.summary(buyer.id(), Map.of()).options().stream().filter(o -> o.source().equals("points"))
                .map(CheckoutOption::value)).containsExactly("use", "use:750", "use:500", "use:250");
        assertThat(checkout.summary(buyer.id(), Map.of("points", "use:99999")).discounts())
                .filteredOn(l -> l.source().equals("points")).singleElement()
                .satisfies(l -> assertThat(l.labelArgs()).as("never more than may be used").containsExactly("1000"));
        assertThat(checkout.summary(buyer.id(), Map.of("points", "use:-5")).discounts())
                .filteredOn(l -> l.source().equals("points")).isEmpty();

        String number = place(buyer, Map.of("points", "use:500"));

        assertThat(jdbc.sql("SELECT amount FROM order_discount WHERE order_id = :o AND source = 'points'")
                .param("o", points.orderId(number)).query(BigDecimal.class).single()).isEqualByComparingTo("5.00");
        assertThat(book.availableOf(buyer.id())).isEqualTo(500);
    }

    /** Two orders confirmed at the same moment, each wanting 600 of 1 000 points: exactly one gets them. */
    @Test
    void pointsCannotBeSpentTwiceByTwoOrdersConfirmedAtTheSameMoment() throws Exception {
        TestCustomer buyer = points.customerWith("Race Points", 1000);
        Money six = Money.of("6.00", shopSettings.current().currency().getCurrencyCode());
        Money goods = Money.of("40.00", six.currency().getCurrencyCode());
        CheckoutBasket basket = new CheckoutBasket(buyer.id(), List.of(new CheckoutBasket.Line(1, 1, goods, goods)),
                goods, Map.of("points", "use"));
        List<DiscountLine> granted = List.of(new DiscountLine("points", "loyalty.points.checkout.line", List.of("600"), six));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<String>> confirms = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                long order = -ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
                confirms.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        transactions.executeWithoutResult(status ->
                                pointsDiscounts.confirm(order, "MM-RACE-" + order, basket, granted));
                        return "spent";
                    } catch (DiscountUnavailableException e) {
                        return "refused";
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            List<String> outcomes = confirms.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(outcomes).containsExactly("refused", "spent");
        } finally {
            pool.shutdownNow();
        }
        assertThat(book.availableOf(buyer.id())).isEqualTo(400);
        assertThat(entriesOf(buyer.id())).filteredOn(e -> e.startsWith("SPENT")).containsExactly("SPENT AVAILABLE -600");
    }

    @Test
    void theSameCheckoutFormWithPointsSentTwiceMakesOneOrderAndSpendsThePointsOnce() throws Exception {
        TestCustomer buyer = points.customerWith("Double Points", 700);
        points.inCart(buyer, "30.00");
        String token = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf()).locale(Locale.ENGLISH)
                    .param("checkoutToken", token).param("paymentMethod", "BANK_TRANSFER")
                    .param("choices[points]", "use")
                    .param("recipient", buyer.name()).param("phone", "555").param("line1", "1 Road")
                    .param("city", "Suzhou").param("postalCode", "215000").param("country", "China")).andReturn();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", buyer.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(entriesOf(buyer.id())).filteredOn(e -> e.startsWith("SPENT")).containsExactly("SPENT AVAILABLE -700");
        assertThat(book.availableOf(buyer.id())).isZero();
    }

    /**
     * A referred friend's first order with the welcome gift (fixed 5.00), a 15 % voucher, points (6.00) and store
     * credit (12.00) over three lines: each source is spread over the lines by largest remainder, each line's parts
     * and what was paid for it add up to its total, and each source's parts add up to what it took off.
     */
    @Test
    void welcomeGiftVoucherPointsAndStoreCreditSpreadOverTheLinesExactly() {
        DistributionSettings original = distributionSettings.current();
        DistributionSettings s = original;
        distributionSettings.update(new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.FIXED, new BigDecimal("5.00"),
                null, new BigDecimal("20"), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()), "test");
        try {
            TestCustomer sharer = ledger.distributor(OrderFixtures.unique("Four Sharer"));
            TestCustomer buyer = ledger.distributor(OrderFixtures.unique("Four Buyer"));
            jdbc.sql("""
                    INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                        kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                    VALUES (:d, 1, -1, 'MM-CREDIT', :line, 1, 1, 'COMMISSION', 1, '10%', 10.00, 'CNY', 'AVAILABLE', :at, :at)""")
                    .param("d", buyer.id()).param("line", 3_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                    .param("at", Timestamp.from(clock.instant())).update();
            ledger.totals(buyer.id());
            choices.chooseRewardForm(buyer.id(), RewardForm.STORE_CREDIT, "test");
            ledger.bind(buyer, sharer);
            long template = vouchers.create(new NewVoucherTemplate(OrderFixtures.unique("Four 15"),
                    VoucherTemplate.Kind.PERCENT, null, new BigDecimal("15"), BigDecimal.ZERO,
                    shopSettings.current().currency(), null, null, 30, 1, VoucherTemplate.Scope.ALL, Set.of(), true,
                    false, false, null));
            vouchers.issue(template, List.of(buyer.id()), null);
            long voucher = vouchers.vouchersOf(buyer.id()).get(0).id();
            points.givePoints(buyer, 600);
            points.inCart(buyer, "33.33", "16.67", "9.99");

            String number = place(buyer, Map.of("voucher", Long.toString(voucher), "points", "use"));

            long order = points.orderId(number);
            Map<String, BigDecimal> bySource = new HashMap<>();
            jdbc.sql("SELECT source, amount FROM order_discount WHERE order_id = :o").param("o", order)
                    .query(rs -> {
                        bySource.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
                    });
            assertThat(bySource.keySet()).containsExactlyInAnyOrder("welcome", "voucher", "points", "store-credit");
            assertThat(bySource.get("points")).isEqualByComparingTo("6.00");
            List<BigDecimal> totals = jdbc.sql("SELECT line_total FROM order_line WHERE order_id = :o ORDER BY position")
                    .param("o", order).query(BigDecimal.class).list();
            List<BigDecimal> paid = jdbc.sql("SELECT paid_amount FROM order_line WHERE order_id = :o ORDER BY position")
                    .param("o", order).query(BigDecimal.class).list();
            BigDecimal goods = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal discounts = bySource.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(paid.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(goods.subtract(discounts));
            for (String source : bySource.keySet()) {
                List<BigDecimal> parts = jdbc.sql("""
                        SELECT COALESCE(SUM(d.amount), 0) FROM order_line l
                        LEFT JOIN order_line_discount d ON d.order_line_id = l.id AND d.source = :s
                        WHERE l.order_id = :o GROUP BY l.id, l.position ORDER BY l.position""")
                        .param("o", order).param("s", source).query(BigDecimal.class).list();
                assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(source)
                        .isEqualByComparingTo(bySource.get(source));
                for (int i = 0; i < parts.size(); i++) {
                    // Largest remainder: each part is its exact proportional share rounded down, or one cent more.
                    BigDecimal exact = bySource.get(source).multiply(totals.get(i)).divide(goods, 10, RoundingMode.DOWN);
                    assertThat(parts.get(i).subtract(exact).abs()).as(source + " line " + i)
                            .isLessThan(new BigDecimal("0.01"));
                }
            }
            for (int i = 0; i < totals.size(); i++) {
                BigDecimal lineParts = jdbc.sql("""
                        SELECT COALESCE(SUM(d.amount), 0) FROM order_line_discount d JOIN order_line l ON l.id = d.order_line_id
                        WHERE l.order_id = :o AND l.position = (SELECT position FROM order_line WHERE order_id = :o
                            ORDER BY position LIMIT 1 OFFSET :i)""")
                        .param("o", order).param("i", i).query(BigDecimal.class).single();
                assertThat(lineParts.add(paid.get(i))).as("line " + i).isEqualByComparingTo(totals.get(i));
            }
            assertThat(book.availableOf(buyer.id())).isZero();
        } finally {
            distributionSettings.update(original, "test");
        }
    }
}

package com.micromall.distribution.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.oversight.LedgerAdministration;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.oversight.Reconciliation;
import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.order.internal.OrderViews;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Random shop life, seeded: referred friends order, pay, get refunds (partial and full, before and after
 * completion, so reversals and clawbacks), orders complete, settlement runs as of after the return window, holds are
 * released or voided, withdrawals are asked for, paid and rejected, a store-credit distributor spends at checkout,
 * and the owner changes the rates in between. After every step the books balance and no money appears from nothing.
 * Everything goes through the services (no HTTP) on fresh customers and products; the settings are put back.
 */
@MicromallTest
class BooksStayBalancedTests {

    private static final String OWNER = LedgerFixtures.OWNER;

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired WithdrawalService withdrawals;
    @Autowired LedgerAdministration administration;
    @Autowired DistributionSettingsService settingsService;
    @Autowired Reconciliation reconciliation;

    private DistributionSettings original;

    @BeforeEach
    void remember() {
        original = settingsService.current();
    }

    @AfterEach
    void putSettingsBack() {
        settingsService.update(original, OWNER);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261204L, 7L, 424242L, 31337L})
    void everyStepLeavesTheBooksBalancedAndNothingIsPaidFromNothing(long seed) {
        new Run(seed).go(500);
    }

    /** What a placed order was meant to earn: the rates in force when it was placed. */
    private record Placed(String number, TestCustomer buyer, BigDecimal level1Percent, BigDecimal level2Percent,
                          int returnWindowDays) {
    }

    private final class Run {

        private final long seed;
        private final Random random;
        private final LedgerFixtures ledger;
        private final List<TestCustomer> distributors = new ArrayList<>();
        private final List<TestCustomer> buyers = new ArrayList<>();
        private final List<Long> products = new ArrayList<>();
        private final Map<String, Placed> orders = new LinkedHashMap<>();
        private final Map<String, Integer> refunds = new HashMap<>();
        /** Each order's status as the run left it: asking the order module for every order at every step is slow. */
        private final Map<String, String> status = new HashMap<>();
        private TestCustomer creditSpender;
        /** The operation under way, for the failure message when it throws before saying what it did. */
        private String doing = "";

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            OrderFixtures orderFixtures = new OrderFixtures(jdbc, encoder);
            this.ledger = new LedgerFixtures(orderFixtures, jdbc, carts, checkout, orderService);
            for (String price : List.of("19.99", "7.35", "123.40", "48.50")) {
                products.add(orderFixtures.product("Books tea", price, 1_000_000));
            }
            TestCustomer anna = ledger.distributor("Anna");
            TestCustomer ben = ledger.distributor("Ben");
            ledger.bind(ben, anna);
            TestCustomer chen = ledger.distributor("Chen");
            // Chen spends her earnings as store credit at checkout; her own orders earn Anna, who invited her.
            ledger.bind(chen, anna);
            jdbc.sql("UPDATE distributor SET reward_form = 'STORE_CREDIT' WHERE customer_id = :id")
                    .param("id", chen.id()).update();
            creditSpender = chen;
            distributors.addAll(List.of(anna, ben, chen));
            for (TestCustomer sharer : distributors) {
                for (int i = 0; i < 2; i++) {
                    buyers.add(ledger.referredBy(sharer, "Friend"));
                }
            }
            // A friend on the sharer's own device: what their orders earn is held for the owner.
            TestCustomer household = ledger.referredBy(ben, "Household");
            String device = UUID.randomUUID().toString().replace("-", "");
            ledger.device(ben, device);
            ledger.device(household, device);
            buyers.add(household);
            buyers.add(chen);
            changeSettings(new BigDecimal("10"), BigDecimal.ZERO, 7, new BigDecimal("20"), new BigDecimal("1.00"),
                    BigDecimal.ZERO, null);
        }

        void go(int steps) {
            for (int step = 1; step <= steps; step++) {
                String operation = null;
                doing = "";
                try {
                    operation = step();
                    checkBooks();
                } catch (Throwable e) {
                    throw new AssertionError("seed " + seed + ", step " + step + ", operation "
                            + (operation != null ? operation : doing) + ": "
                            + e.getMessage(), e);
                }
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM commission_entry WHERE distributor_id IN (:ids)")
                    .param("ids", ids()).query(Long.class).single())
                    .as("the run credited something").isPositive();
        }

        private String step() {
            int dice = random.nextInt(100);
            if (dice < 22 || orders.isEmpty()) {
                return place();
            } else if (dice < 32) {
                return onOrder("pay", List.of("PENDING_PAYMENT"), this::pay);
            } else if (dice < 48) {
                return onOrder("complete", List.of("PAID"), this::complete);
            } else if (dice < 60) {
                return onOrder("refund", List.of("PAID", "COMPLETED"), this::refund);
            } else if (dice < 64) {
                return onOrder("cancel", List.of("PENDING_PAYMENT"), this::cancel);
            } else if (dice < 70) {
                return settle();
            } else if (dice < 78) {
                return requestWithdrawal();
            } else if (dice < 85) {
                return decideWithdrawal();
            } else if (dice < 91) {
                return decideHold();
            } else {
                return changeRates();
            }
        }

        private String place() {
            TestCustomer buyer = buyers.get(random.nextInt(buyers.size()));
            Map<Long, Integer> basket = new LinkedHashMap<>();
            int lines = 1 + random.nextInt(2);
            for (int i = 0; i < lines; i++) {
                basket.merge(products.get(random.nextInt(products.size())), 1 + random.nextInt(3), Integer::sum);
            }
            DistributionSettings now = settingsService.current();
            basket.forEach((product, q) -> carts.add(CartService.CartKey.customer(buyer.id()), product, q));
            String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                    new CheckoutService.AddressInput("R", "1", "1 Buyer Street", null, "City", "200000", "CN"),
                    PaymentMethod.BANK_TRANSFER));
            awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM commission_snapshot WHERE order_number = :n")
                    .param("n", number).query(Long.class).single() == 1);
            status.put(number, "PENDING_PAYMENT");
            orders.put(number, new Placed(number, buyer, now.level1Percent(), now.level2Percent(), now.returnWindowDays()));
            return "place " + number + " for customer " + buyer.id() + " " + basket;
        }

        private String onOrder(String what, List<String> statuses, java.util.function.Consumer<String> action) {
            List<String> candidates = status.entrySet().stream().filter(e -> statuses.contains(e.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (candidates.isEmpty()) {
                return what + ": nothing to do";
            }
            String number = candidates.get(random.nextInt(candidates.size()));
            doing = what + " " + number;
            action.accept(number);
            status.put(number, orderService.order(number).status());
            return what + " " + number;
        }

        private void pay(String number) {
            orderService.confirmPayment(number, OWNER);
        }

        private void complete(String number) {
            OrderViews.Detail order = orderService.order(number);
            if (order.canShip()) {
                orderService.ship(number, OWNER, "parcel");
            }
            orderService.complete(number, OWNER);
            awaitTrue(() -> "COMPLETED".equals(snapshotState(number)));
        }

        private void refund(String number) {
            OrderViews.Detail order = orderService.order(number);
            Map<Long, Integer> units = new HashMap<>();
            boolean everything = random.nextInt(4) == 0;
            List<OrderViews.Line> open = order.lines().stream().filter(l -> l.refundableQuantity() > 0).toList();
            if (everything) {
                open.forEach(l -> units.put(l.id(), l.refundableQuantity()));
            } else {
                OrderViews.Line line = open.get(random.nextInt(open.size()));
                units.put(line.id(), 1 + random.nextInt(line.refundableQuantity()));
            }
            orderService.refund(number, units, "returned", OWNER);
            int handled = refunds.merge(number, 1, Integer::sum);
            long orderId = ledger.orderId(number);
            awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM commission_refund_handled WHERE order_id = :o")
                    .param("o", orderId).query(Long.class).single() == handled);
            awaitCreditGivenBackIfDue(number, orderId);
        }

        private void cancel(String number) {
            orderService.cancelByOwner(number, OWNER);
            awaitTrue(() -> !"PLACED".equals(snapshotState(number)));
            awaitCreditGivenBackIfDue(number, ledger.orderId(number));
        }

        /** Store credit spent on an order comes back when the order is cancelled or fully refunded. */
        private void awaitCreditGivenBackIfDue(String number, long orderId) {
            String status = orderService.order(number).status();
            if (status.equals("CANCELLED") || status.equals("REFUNDED")) {
                awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM store_credit_spend WHERE order_id = :o AND restored_at IS NULL")
                        .param("o", orderId).query(Long.class).single() == 0);
            }
        }

        /** The settlement job, run as of some days from now: what is due after its return window becomes available. */
        private String settle() {
            Instant asOf = Instant.now().plus(Duration.ofDays(random.nextInt(16))).plusSeconds(60);
            doing = "settle as of " + asOf;
            int moved = unfreezeJob.unfreezeDue(asOf);
            return "settle as of " + asOf + " (" + moved + " entries)";
        }

        private String requestWithdrawal() {
            TestCustomer who = distributors.get(random.nextInt(distributors.size()));
            BigDecimal available = withdrawals.overview(who.id()).available().amount();
            BigDecimal amount = random.nextInt(5) == 0 ? available.add(new BigDecimal("0.01"))
                    : available.multiply(BigDecimal.valueOf(random.nextInt(101))).movePointLeft(2)
                            .setScale(2, java.math.RoundingMode.DOWN);
            doing = "withdraw " + amount + " of " + available + " for " + who.id();
            WithdrawalService.Outcome outcome = withdrawals.request(who.id(), amount, WithdrawalMethod.BANK,
                    "IBAN BOOKS " + who.id(), null);
            if (amount.compareTo(available) > 0) {
                assertThat(outcome.accepted()).as("more than available is refused").isFalse();
            }
            return "withdraw " + amount + " of " + available + " for " + who.id()
                    + (outcome.accepted() ? "" : " (refused " + outcome.refusals() + ")");
        }

        private String decideWithdrawal() {
            List<long[]> requested = new ArrayList<>();
            for (TestCustomer d : distributors) {
                withdrawals.historyOf(d.id()).stream().filter(w -> w.state() == WithdrawalState.REQUESTED)
                        .forEach(w -> requested.add(new long[] {w.id()}));
            }
            if (requested.isEmpty()) {
                return "decide withdrawal: nothing to do";
            }
            long id = requested.get(random.nextInt(requested.size()))[0];
            doing = "decide withdrawal " + id;
            if (random.nextBoolean()) {
                withdrawals.pay(id, "REF-" + id, OWNER);
                return "pay withdrawal " + id;
            }
            withdrawals.reject(id, "wrong account", OWNER);
            return "reject withdrawal " + id;
        }

        private String decideHold() {
            boolean release = random.nextBoolean();
            List<Long> entries = jdbc.sql("""
                    SELECT id FROM commission_entry WHERE distributor_id IN (:ids) AND kind = 'COMMISSION'
                    AND state IN (:states) ORDER BY id""")
                    .param("ids", ids()).param("states", release ? List.of("ON_HOLD") : List.of("ON_HOLD", "FROZEN"))
                    .query(Long.class).list();
            if (entries.isEmpty()) {
                return (release ? "release" : "void") + ": nothing to do";
            }
            long entry = entries.get(random.nextInt(entries.size()));
            doing = (release ? "release" : "void") + " entry " + entry;
            if (release) {
                administration.release(entry, OWNER);
                return "release entry " + entry;
            }
            administration.voidEntry(entry, "not a real friend", OWNER);
            return "void entry " + entry;
        }

        private String changeRates() {
            BigDecimal level1 = pick("5", "10", "12.5", "20");
            BigDecimal level2 = pick("0", "0", "3", "5");
            int window = List.of(0, 7, 7, 14).get(random.nextInt(4));
            BigDecimal bonus = pick("0", "20", "25");
            BigDecimal fee = pick("0", "0", "1.5");
            // Now and then a monthly budget just above what is credited this month: the next commissions go on hold.
            BigDecimal budget = random.nextInt(4) == 0 ? creditedThisMonth().add(pick("0", "5", "30")) : null;
            doing = "rates " + level1 + "/" + level2 + "% window " + window + " budget " + budget;
            changeSettings(level1, level2, window, bonus, pick("1.00", "10.00"), fee, budget);
            return "rates " + level1 + "/" + level2 + "% window " + window + " bonus " + bonus + " fee " + fee
                    + " budget " + budget;
        }

        private BigDecimal creditedThisMonth() {
            return jdbc.sql("""
                    SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                    WHERE kind = 'COMMISSION' AND state IN ('FROZEN', 'AVAILABLE') AND created_at >= :start""")
                    .param("start", Timestamp.from(Instant.now().minus(Duration.ofDays(31))))
                    .query(BigDecimal.class).single();
        }

        private void changeSettings(BigDecimal level1, BigDecimal level2, int window, BigDecimal bonus,
                                    BigDecimal minimum, BigDecimal fee, BigDecimal budget) {
            DistributionSettings s = settingsService.current();
            settingsService.update(new DistributionSettings(s.enrolmentRule(), level1, level2, s.attributionDays(), window,
                    s.welcomeKind(), s.welcomeValue(), s.welcomeCap(), bonus, minimum, fee, budget, s.shareTexts()), OWNER);
        }

        private BigDecimal pick(String... values) {
            return new BigDecimal(values[random.nextInt(values.length)]);
        }

        private void checkBooks() {
            Reconciliation.Result books = reconciliation.check(ids());
            assertThat(books.unbalanced()).as("distributors whose books differ").isEmpty();
            assertThat(books.shop().holds()).as("paid out + credit spent + owed + clawed back + voided = credited - reversed: "
                    + books.shop()).isTrue();
            // Each commission is at most the rate in force when its order was placed, on what the buyer paid.
            List<String> overpaid = jdbc.sql("""
                    SELECT e.id, e.order_number, e.level, e.amount, l.paid_amount, s.level1_percent, s.level2_percent
                    FROM commission_entry e
                    JOIN commission_snapshot_line l ON l.line_id = e.line_id
                    JOIN commission_snapshot s ON s.order_id = l.order_id
                    WHERE e.distributor_id IN (:ids) AND e.kind = 'COMMISSION'
                    AND e.amount * 100 > l.paid_amount * CASE WHEN e.level = 1 THEN s.level1_percent ELSE s.level2_percent END""")
                    .param("ids", ids())
                    .query((rs, i) -> rs.getString("order_number") + " level " + rs.getInt("level") + ": "
                            + rs.getBigDecimal("amount") + " on " + rs.getBigDecimal("paid_amount"))
                    .list();
            assertThat(overpaid).as("commission above the rate").isEmpty();
            List<String> ratesMoved = jdbc.sql("""
                    SELECT order_number, level1_percent, level2_percent, return_window_days FROM commission_snapshot
                    WHERE order_number IN (:numbers)""")
                    .param("numbers", orders.keySet())
                    .query((rs, i) -> {
                        Placed placed = orders.get(rs.getString("order_number"));
                        boolean same = rs.getBigDecimal("level1_percent").compareTo(placed.level1Percent()) == 0
                                && rs.getBigDecimal("level2_percent").compareTo(placed.level2Percent()) == 0
                                && rs.getInt("return_window_days") == placed.returnWindowDays();
                        return same ? "" : placed.number();
                    })
                    .list().stream().filter(n -> !n.isEmpty()).toList();
            assertThat(ratesMoved).as("orders whose rates are not those in force when placed").isEmpty();
            // Refunds never take back more than an entry credited.
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM commission_entry c
                    WHERE c.distributor_id IN (:ids) AND c.kind = 'COMMISSION'
                    AND (SELECT COALESCE(-SUM(r.amount), 0) FROM commission_entry r WHERE r.parent_id = c.id) > c.amount""")
                    .param("ids", ids()).query(Long.class).single()).as("entries taken back beyond their amount").isZero();
            // Commission is only for completed orders.
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM commission_entry e JOIN commission_snapshot s ON s.order_id = e.order_id
                    WHERE e.distributor_id IN (:ids) AND s.state <> 'COMPLETED'""")
                    .param("ids", ids()).query(Long.class).single()).as("entries of orders not completed").isZero();
            // Money out never exceeds the money that ever became available (clawbacks only lower what is owed).
            for (long id : ids()) {
                assertThat(jdbc.sql("""
                        SELECT (SELECT COALESCE(SUM(w.amount), 0) FROM withdrawal w
                                WHERE w.distributor_id = :d AND w.state IN ('REQUESTED', 'PAID'))
                             + (SELECT COALESCE(SUM(c.cash_amount), 0) FROM store_credit_spend c
                                WHERE c.distributor_id = :d AND c.restored_at IS NULL)
                             - (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                                WHERE e.distributor_id = :d AND e.state = 'AVAILABLE' AND e.kind <> 'CLAWBACK')""")
                        .param("d", id).query(BigDecimal.class).single())
                        .as("what distributor %d took out beyond what ever became available", id)
                        .isLessThanOrEqualTo(BigDecimal.ZERO);
            }
        }

        private String snapshotState(String number) {
            return jdbc.sql("SELECT state FROM commission_snapshot WHERE order_number = :n").param("n", number)
                    .query(String.class).single();
        }

        private List<Long> ids() {
            return distributors.stream().map(TestCustomer::id).toList();
        }
    }

    private static void awaitTrue(Callable<Boolean> condition) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(60)).until(condition);
    }
}

package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.ledger.UnfreezeJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionClawedBack;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.CommissionReversed;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.RewardForms;
import com.micromall.distribution.oversight.Reconciliation;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reward form in force when commission is credited stays with its entries. POINTS commission lives the same life
 * in the ledger as cash (frozen, available, reversed, clawed back, to the cent) but never in the sharer's cash
 * account, and the books still balance with every form.
 */
@MicromallTest
@RecordApplicationEvents
class RewardFormLedgerTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributorChoices choices;
    @Autowired RewardForms rewardForms;
    @Autowired Reconciliation reconciliation;
    @Autowired CommissionCrediting crediting;
    @Autowired WithdrawalService withdrawals;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired ApplicationEvents events;

    LedgerFixtures fixtures;
    RewardForms.Rules original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = rewardForms.current();
        rewardForms.change(new RewardForms.Rules(EnumSet.allOf(RewardForm.class), new BigDecimal("30")), "test");
    }

    @AfterEach
    void restoreRules() {
        rewardForms.change(original, "test");
    }

    private record Entry(String kind, String form, BigDecimal amount, String state) {
    }

    private List<Entry> entries(TestCustomer distributor, String number) {
        return jdbc.sql("""
                SELECT kind, reward_form, amount, state FROM commission_entry
                WHERE distributor_id = :d AND order_number = :n ORDER BY id""")
                .param("d", distributor.id()).param("n", number)
                .query((rs, i) -> new Entry(rs.getString("kind"), rs.getString("reward_form"),
                        rs.getBigDecimal("amount"), rs.getString("state"))).list();
    }

    private BigDecimal commissionOf(TestCustomer distributor, String number) {
        return entries(distributor, number).stream().filter(e -> e.kind().equals("COMMISSION"))
                .map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String completedOrder(TestCustomer sharer, String buyerName, String price, int quantity) {
        TestCustomer friend = fixtures.referredBy(sharer, buyerName);
        long product = fixtures.orders.product(buyerName + " goods", price, 50);
        String number = fixtures.place(friend, product, quantity);
        fixtures.complete(number);
        return number;
    }

    private void afterTheReturnWindow(String number) {
        int days = jdbc.sql("SELECT return_window_days FROM commission_snapshot WHERE order_number = :n")
                .param("n", number).query(Integer.class).single();
        transactions.executeWithoutResult(s -> LedgerFixtures.unfreezeDue(jdbc, clock,
                clock.instant().plus(Duration.ofDays(days + 1))));
    }

    private BigDecimal account(TestCustomer distributor, String column) {
        return jdbc.sql("SELECT " + column + " FROM distributor_account WHERE distributor_id = :d")
                .param("d", distributor.id()).query(BigDecimal.class).single();
    }

    @Test
    void theFormInForceAtCreditingStaysWithTheEntriesAndASwitchChangesOnlyLaterOnes() {
        TestCustomer chen = fixtures.distributor("Chen Points");
        assertThat(choices.chooseRewardForm(chen.id(), RewardForm.POINTS, "test")).isTrue();
        String first = completedOrder(chen, "Points Friend", "40.00", 1);

        assertThat(entries(chen, first)).extracting(Entry::form, Entry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POINTS", "FROZEN"));
        assertThat(distribution.balancesOf(chen.id()).frozen().amount()).as("points are no cash").isZero();
        assertThat(distribution.paidAsPointsBy(chen.id()).amount()).isEqualByComparingTo(commissionOf(chen, first));

        choices.chooseRewardForm(chen.id(), RewardForm.CASH, "test");
        String second = completedOrder(chen, "Cash Friend", "50.00", 1);

        assertThat(entries(chen, first)).extracting(Entry::form).containsExactly("POINTS");
        assertThat(entries(chen, second)).extracting(Entry::form).containsExactly("CASH");
        assertThat(distribution.balancesOf(chen.id()).frozen().amount())
                .isEqualByComparingTo(commissionOf(chen, second)).isPositive();
        assertThat(distribution.ledgerOf(chen.id())).extracting(DistributionApi.LedgerLine::asPoints)
                .containsExactly(false, true);
    }

    @Test
    void pointsCommissionIsFrozenReversedAndClawedBackToTheCentButNeverWithdrawable() {
        TestCustomer dina = fixtures.distributor("Dina Points");
        choices.chooseRewardForm(dina.id(), RewardForm.POINTS, "test");
        String number = completedOrder(dina, "Dina Friend", "33.33", 3);
        long line = fixtures.lineIds(number).get(0);
        BigDecimal original = commissionOf(dina, number);

        fixtures.refund(number, line, 1);
        List<Entry> afterReversal = entries(dina, number);
        assertThat(afterReversal).extracting(Entry::kind, Entry::form, Entry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COMMISSION", "POINTS", "FROZEN"),
                org.assertj.core.groups.Tuple.tuple("REVERSAL", "POINTS", "FROZEN"));

        afterTheReturnWindow(number);
        fixtures.refund(number, line, 1);
        List<Entry> all = entries(dina, number);
        assertThat(all).extracting(Entry::kind, Entry::form, Entry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COMMISSION", "POINTS", "AVAILABLE"),
                org.assertj.core.groups.Tuple.tuple("REVERSAL", "POINTS", "AVAILABLE"),
                org.assertj.core.groups.Tuple.tuple("CLAWBACK", "POINTS", "AVAILABLE"));
        BigDecimal takenBack = all.stream().filter(e -> !e.kind().equals("COMMISSION")).map(Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        BigDecimal kept = all.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(kept.add(takenBack)).isEqualByComparingTo(original);
        assertThat(takenBack).isPositive();

        fixtures.refund(number, line, 1);
        BigDecimal left = entries(dina, number).stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(left).as("every unit refunded: kept + taken back = original exactly").isZero();

        var balances = distribution.balancesOf(dina.id());
        assertThat(balances.available().amount()).isZero();
        assertThat(balances.frozen().amount()).isZero();
        assertThat(balances.clawedBack().amount()).isZero();
        for (String column : List.of("frozen", "available", "on_hold", "earned", "clawed_back")) {
            assertThat(account(dina, column)).as(column).isZero();
        }
        LedgerFixtures.rebuild(jdbc, dina.id());
        assertThat(account(dina, "available")).as("a rebuilt account leaves points out too").isZero();
        assertThat(reconciliation.check(List.of(dina.id())).balanced()).isTrue();
    }

    @Test
    void aPointsSharerCannotWithdrawPointsButKeepsTheCashEarnedBefore() {
        TestCustomer eve = fixtures.distributor("Eve Points");
        String cash = completedOrder(eve, "Eve Cash Friend", "200.00", 1);
        afterTheReturnWindow(cash);
        choices.chooseRewardForm(eve.id(), RewardForm.POINTS, "test");
        String points = completedOrder(eve, "Eve Points Friend", "300.00", 1);
        afterTheReturnWindow(points);

        BigDecimal cashEarned = commissionOf(eve, cash);
        assertThat(distribution.balancesOf(eve.id()).available().amount()).isEqualByComparingTo(cashEarned);
        var tooMuch = withdrawals.request(eve.id(), cashEarned.add(commissionOf(eve, points)), WithdrawalMethod.BANK,
                "IBAN 1", null);
        assertThat(tooMuch.refusals()).isNotEmpty();
        var allCash = withdrawals.request(eve.id(), cashEarned, WithdrawalMethod.BANK, "IBAN 1", null);
        assertThat(allCash.refusals()).isEmpty();
        assertThat(distribution.balancesOf(eve.id()).available().amount()).isZero();
        assertThat(reconciliation.check(List.of(eve.id())).balanced()).isTrue();
    }

    @Test
    void theBooksBalanceToTheCentWithCashStoreCreditAndPointsSharersRefundedBeforeAndAfterTheWindow() {
        List<TestCustomer> sharers = new java.util.ArrayList<>();
        BigDecimal pointsKept = BigDecimal.ZERO;
        for (RewardForm form : RewardForm.values()) {
            TestCustomer sharer = fixtures.distributor("Books " + form);
            choices.chooseRewardForm(sharer.id(), form, "test");
            String number = completedOrder(sharer, "Books Friend " + form, "19.99", 5);
            long line = fixtures.lineIds(number).get(0);
            fixtures.refund(number, line, 1);
            afterTheReturnWindow(number);
            fixtures.refund(number, line, 2);
            sharers.add(sharer);
            if (form == RewardForm.POINTS) {
                pointsKept = entries(sharer, number).stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
        }

        Reconciliation.Result books = reconciliation.check(sharers.stream().map(TestCustomer::id).toList());
        assertThat(books.unbalanced()).isEmpty();
        assertThat(books.balanced()).isTrue();
        assertThat(books.shop().entries().paidAsPoints().amount()).isEqualByComparingTo(pointsKept).isPositive();
        assertThat(books.shop().entries().pointsClawedBack().isPositive()).isTrue();
        assertThat(books.shop().accountedFor().amount()).isEqualByComparingTo(books.shop().earned().amount());
    }

    @Test
    void aFormTheOwnerNoLongerOffersFallsBackForNewCommissionAndKeepsWhatWasCredited() {
        TestCustomer fay = fixtures.distributor("Fay Points");
        choices.chooseRewardForm(fay.id(), RewardForm.POINTS, "test");
        String before = completedOrder(fay, "Fay Friend One", "40.00", 1);
        rewardForms.change(new RewardForms.Rules(EnumSet.of(RewardForm.STORE_CREDIT, RewardForm.POINTS),
                new BigDecimal("30")), "test");
        rewardForms.change(new RewardForms.Rules(EnumSet.of(RewardForm.STORE_CREDIT), new BigDecimal("30")), "test");

        assertThat(choices.rewardFormInForce(fay.id())).isEqualTo(RewardForm.STORE_CREDIT);
        assertThat(choices.chooseRewardForm(fay.id(), RewardForm.POINTS, "test")).as("not offered").isFalse();
        assertThat(choices.chooseRewardForm(fay.id(), RewardForm.CASH, "test")).as("not offered").isFalse();
        String after = completedOrder(fay, "Fay Friend Two", "40.00", 1);

        assertThat(entries(fay, before)).extracting(Entry::form).containsExactly("POINTS");
        assertThat(entries(fay, after)).extracting(Entry::form).containsExactly("STORE_CREDIT");
        assertThat(choices.of(fay.id()).orElseThrow().rewardForm()).as("the choice is kept").isEqualTo(RewardForm.POINTS);

        rewardForms.change(new RewardForms.Rules(EnumSet.of(RewardForm.CASH, RewardForm.POINTS), new BigDecimal("30")),
                "test");
        assertThat(choices.rewardFormInForce(fay.id())).as("offered again, the choice counts again")
                .isEqualTo(RewardForm.POINTS);
    }

    @Test
    void theEventsCarryTheFormTheKeysAndThePointsBonusAListenerNeedsToMirrorPointsCommission() {
        rewardForms.change(new RewardForms.Rules(EnumSet.allOf(RewardForm.class), new BigDecimal("25")), "test");
        TestCustomer gus = fixtures.distributor("Gus Points");
        choices.chooseRewardForm(gus.id(), RewardForm.POINTS, "test");
        TestCustomer friend = fixtures.referredBy(gus, "Gus Friend");
        long product = fixtures.orders.product("Gus goods", "20.00", 50);
        String number = fixtures.place(friend, product, 4);
        long orderId = fixtures.orderId(number);
        crediting.credit(new OrderCompleted(orderId, number, friend.id(), clock.instant(), List.of()));

        BigDecimal commission = commissionOf(gus, number);
        assertThat(events.stream(CommissionCredited.class).filter(e -> e.orderNumber().equals(number)))
                .singleElement().satisfies(e -> {
                    assertThat(e.rewardForm()).isEqualTo(RewardForm.POINTS);
                    assertThat(e.bonusPercent()).isEqualByComparingTo("25");
                    assertThat(e.amount().amount()).isEqualByComparingTo(commission);
                    assertThat(e.orderId()).isEqualTo(orderId);
                    assertThat(e.entryIds()).hasSize(1);
                });

        long line = fixtures.lineIds(number).get(0);
        Money refunded = Money.of("20.00", "CNY");
        crediting.takeBack(new OrderRefunded(orderId, number, friend.id(), clock.instant(),
                List.of(new RefundedLine(line, product, 1, refunded)), refunded, false, "returned"));
        assertThat(events.stream(CommissionReversed.class).filter(e -> e.orderNumber().equals(number)))
                .singleElement().satisfies(e -> {
                    assertThat(e.rewardForm()).isEqualTo(RewardForm.POINTS);
                    assertThat(e.orderId()).isEqualTo(orderId);
                    assertThat(e.amount().amount()).isPositive().isEqualByComparingTo(entries(gus, number).stream()
                            .filter(r -> r.kind().equals("REVERSAL")).findFirst().orElseThrow().amount().negate());
                });

        afterTheReturnWindowWithEvents(number);
        assertThat(events.stream(CommissionAvailable.class).filter(e -> e.distributorId() == gus.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.rewardForm()).isEqualTo(RewardForm.POINTS);
                    assertThat(e.pointsEntries()).extracting(CommissionAvailable.Entry::entryId).containsExactlyElementsOf(
                            events.stream(CommissionCredited.class).filter(c -> c.orderNumber().equals(number))
                                    .findFirst().orElseThrow().entryIds());
                    assertThat(e.pointsEntries()).singleElement().satisfies(entry -> assertThat(entry.amount().amount())
                            .as("net of the reversal").isEqualByComparingTo(entries(gus, number).stream()
                                    .map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
                });

        crediting.takeBack(new OrderRefunded(orderId, number, friend.id(), clock.instant().plusSeconds(1),
                List.of(new RefundedLine(line, product, 1, refunded)), refunded, false, "returned"));
        assertThat(events.stream(CommissionClawedBack.class).filter(e -> e.orderNumber().equals(number)))
                .singleElement().satisfies(e -> {
                    assertThat(e.rewardForm()).isEqualTo(RewardForm.POINTS);
                    assertThat(e.orderId()).isEqualTo(orderId);
                });
    }

    @Test
    void theFriendsShareWorksAlikeWhenTheSharerTakesPoints() {
        long tea = fixtures.orders.product("Points Share Tea", "33.33", 50);
        long cup = fixtures.orders.product("Points Share Cup", "19.99", 50);
        record Outcome(TestCustomer sharer, String number, java.util.List<com.micromall.order.DiscountLine> discounts) {
        }
        java.util.function.Function<RewardForm, Outcome> firstOrder = form -> {
            TestCustomer sharer = fixtures.distributor("Share " + form);
            choices.chooseRewardForm(sharer.id(), form, "test");
            choices.chooseFriendShare(sharer.id(), 50, "test");
            TestCustomer friend = fixtures.referredBy(sharer, "Friend Share " + form);
            java.util.Map<Long, Integer> basket = new java.util.LinkedHashMap<>();
            basket.put(tea, 1);
            basket.put(cup, 3);
            basket.forEach((product, q) -> carts.add(CartService.CartKey.customer(friend.id()), product, q));
            var discounts = checkout.summary(friend.id()).discounts();
            carts.clear(CartService.CartKey.customer(friend.id()));
            String number = fixtures.place(friend, basket, "1 Share Street", "100000");
            fixtures.complete(number);
            return new Outcome(sharer, number, discounts);
        };
        Outcome cash = firstOrder.apply(RewardForm.CASH);
        Outcome points = firstOrder.apply(RewardForm.POINTS);

        assertThat(points.discounts()).extracting(com.micromall.order.DiscountLine::source)
                .containsExactly("welcome", "friend-gift");
        assertThat(points.discounts()).extracting(d -> d.amount().amount())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(cash.discounts().stream().map(d -> d.amount().amount()).toList());
        BigDecimal gift = points.discounts().get(1).amount().amount();
        assertThat(gift).isPositive();
        assertThat(commissionOf(points.sharer(), points.number()))
                .as("the sharer's commission is lowered by the gift exactly as with cash")
                .isEqualByComparingTo(commissionOf(cash.sharer(), cash.number()));
        assertThat(entries(points.sharer(), points.number())).extracting(Entry::form).containsOnly("POINTS");
        assertThat(jdbc.sql("SELECT SUM(friend_gift) FROM commission_snapshot_line WHERE order_id = :o")
                .param("o", fixtures.orderId(points.number())).query(BigDecimal.class).single())
                .isEqualByComparingTo(gift);
    }

    @Autowired UnfreezeJob unfreezeJob;

    private void afterTheReturnWindowWithEvents(String number) {
        int days = jdbc.sql("SELECT return_window_days FROM commission_snapshot WHERE order_number = :n")
                .param("n", number).query(Integer.class).single();
        unfreezeJob.unfreezeDue(clock.instant().plus(Duration.ofDays(days + 1)));
    }
}

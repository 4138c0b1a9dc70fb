package com.micromall.distribution.policy;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.DistributorTierRaised;
import com.micromall.distribution.ledger.LedgerFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.ledger.DistributionApi.LedgerLine;
import com.micromall.distribution.policy.DistributorTiers.Measure;
import com.micromall.distribution.policy.DistributorTiers.Tier;
import com.micromall.distribution.policy.DistributorTiers.TierDraft;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import com.micromall.support.Outbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Distributor tiers on the real ledger: who is in a tier (exactly at the threshold), the rate an order's snapshot
 * takes, that tier-rate commission lives the same life as any other, and that a tier reached is held for its window.
 */
@MicromallTest
class DistributorTierTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributionSettingsService settings;
    @Autowired DistributorTiers tiers;
    @Autowired Outbox outbox;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        rules(7);
    }

    @AfterEach
    void restore() {
        tiers.replace(Measure.FIRST_ORDERS, 90, List.of(), "test");
        settings.update(original, "test");
    }

    /** 10 % at level 1, level 2 off, no welcome gift (round figures), and the given return window. */
    private void rules(int returnWindowDays) {
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("10"), BigDecimal.ZERO,
                s.attributionDays(), returnWindowDays, DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()),
                "test");
    }

    private void silverAt(Measure measure, String threshold, String percent) {
        tiers.replace(measure, 90, List.of(new TierDraft("Silver", new BigDecimal(threshold), new BigDecimal(percent),
                null)), "test");
    }

    /** A friend of {@code sharer} buys one unit at {@code price} and the order completes. */
    private String completedOrder(TestCustomer sharer, String price) {
        TestCustomer friend = fixtures.referredBy(sharer, OrderFixtures.unique("Tier Friend"));
        return completedOrderOf(friend, price);
    }

    private String completedOrderOf(TestCustomer buyer, String price) {
        String number = fixtures.place(buyer, fixtures.orders.product(OrderFixtures.unique("Tier Tea"), price, 10), 1);
        fixtures.complete(number);
        return number;
    }

    private Optional<String> tierNow(TestCustomer distributor) {
        return tiers.tierAt(distributor.id(), Instant.now()).map(Tier::name);
    }

    private BigDecimal snapshotRate(String number) {
        return jdbc.sql("SELECT level1_percent FROM commission_snapshot WHERE order_number = :n").param("n", number)
                .query(BigDecimal.class).single();
    }

    private List<LedgerLine> entries(TestCustomer distributor, String number, String kind) {
        return distribution.ledgerOf(distributor.id()).stream()
                .filter(line -> line.orderNumber().equals(number) && line.kind().equals(kind)).toList();
    }

    @Test
    void exactlyAtTheRevenueThresholdADistributorIsInTheTierAndOneCentBelowIsNot() {
        silverAt(Measure.REVENUE, "100.00", "12");
        TestCustomer atThreshold = fixtures.distributor(OrderFixtures.unique("Tier Anna"));
        TestCustomer centBelow = fixtures.distributor(OrderFixtures.unique("Tier Bea"));

        completedOrder(atThreshold, "100.00");
        completedOrder(centBelow, "99.99");

        assertThat(tierNow(atThreshold)).contains("Silver");
        assertThat(tierNow(centBelow)).isEmpty();
        assertThat(tiers.standingOf(centBelow.id()).missing()).isEqualByComparingTo("0.01");
        // The next orders of their friends are placed at the tier's rate and at the shop's.
        TestCustomer annasFriend = fixtures.referredBy(atThreshold, OrderFixtures.unique("Tier Friend"));
        TestCustomer beasFriend = fixtures.referredBy(centBelow, OrderFixtures.unique("Tier Friend"));
        long cup = fixtures.orders.product(OrderFixtures.unique("Tier Cup"), "50.00", 10);
        assertThat(snapshotRate(fixtures.place(annasFriend, cup, 1))).isEqualByComparingTo("12");
        assertThat(snapshotRate(fixtures.place(beasFriend, cup, 1))).isEqualByComparingTo("10");
    }

    @Test
    void exactlyAtTheFirstOrderThresholdADistributorIsInTheTierAndOneFirstOrderBelowIsNot() {
        silverAt(Measure.FIRST_ORDERS, "2", "12");
        TestCustomer atThreshold = fixtures.distributor(OrderFixtures.unique("Tier Cleo"));
        TestCustomer oneBelow = fixtures.distributor(OrderFixtures.unique("Tier Dora"));

        completedOrder(atThreshold, "10.00");
        completedOrder(atThreshold, "10.00");
        // One friend ordering twice is one first order.
        TestCustomer loyalFriend = fixtures.referredBy(oneBelow, OrderFixtures.unique("Tier Friend"));
        completedOrderOf(loyalFriend, "10.00");
        completedOrderOf(loyalFriend, "10.00");

        assertThat(tierNow(atThreshold)).contains("Silver");
        assertThat(tierNow(oneBelow)).isEmpty();
        DistributorTiers.Standing standing = tiers.standingOf(oneBelow.id());
        assertThat(standing.figure()).isEqualByComparingTo("1");
        assertThat(standing.missing()).isEqualByComparingTo("1");
        assertThat(standing.next()).extracting(Tier::name).isEqualTo("Silver");
    }

    @Test
    void theSnapshotKeepsTheTierRateOfPlacementEvenWhenTheTierChangesBeforeCompletion() {
        silverAt(Measure.FIRST_ORDERS, "1", "12");
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Tier Emma"));
        completedOrder(anna, "10.00");
        TestCustomer friend = fixtures.referredBy(anna, OrderFixtures.unique("Tier Friend"));
        String number = fixtures.place(friend, fixtures.orders.product(OrderFixtures.unique("Tier Pot"), "100.00", 10), 1);

        // Before the order completes the owner raises Silver's rate, then drops the tiers altogether.
        silverAt(Measure.FIRST_ORDERS, "1", "20");
        tiers.replace(Measure.FIRST_ORDERS, 90, List.of(), "test");
        fixtures.complete(number);

        assertThat(snapshotRate(number)).isEqualByComparingTo("12");
        assertThat(jdbc.sql("SELECT level1_tier FROM commission_snapshot WHERE order_number = :n")
                .param("n", number).query(String.class).single()).isEqualTo("Silver");
        assertThat(entries(anna, number, "COMMISSION")).singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("12.00"));
    }

    @Test
    void aTierRateCommissionIsReversedOnRefundLikeABaseRateOneSoKeptPlusReversedIsTheOriginal() {
        silverAt(Measure.FIRST_ORDERS, "1", "12.5");
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Tier Fay"));
        completedOrder(anna, "10.00");
        TestCustomer friend = fixtures.referredBy(anna, OrderFixtures.unique("Tier Friend"));
        String number = fixtures.place(friend, fixtures.orders.product(OrderFixtures.unique("Tier Set"), "33.33", 10), 3);
        fixtures.complete(number);
        long line = fixtures.lineIds(number).get(0);

        fixtures.refund(number, line, 1);
        fixtures.refund(number, line, 1);

        // 12.5 % of 99.99 = 12.49 (rounded down), frozen; two of three units back: 4.16 each, the rest kept.
        LedgerLine commission = entries(anna, number, "COMMISSION").get(0);
        assertThat(commission.amount().amount()).isEqualByComparingTo("12.49");
        List<LedgerLine> reversals = entries(anna, number, "REVERSAL");
        assertThat(reversals).extracting(l -> l.amount().amount())
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactlyInAnyOrder(new BigDecimal("-4.16"), new BigDecimal("-4.16"));
        assertThat(commission.state()).isEqualTo("FROZEN");
        fixtures.refund(number, line, 1);
        BigDecimal reversed = entries(anna, number, "REVERSAL").stream().map(l -> l.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(reversed.negate()).as("kept (nothing) + reversed = original").isEqualByComparingTo("12.49");
        assertThat(entries(anna, number, "COMMISSION").get(0).state()).isEqualTo("REVERSED");
    }

    @Test
    void aTierRateCommissionIsClawedBackAfterTheWindowLikeABaseRateOne() {
        rules(0);
        silverAt(Measure.FIRST_ORDERS, "1", "12.5");
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Tier Gia"));
        completedOrder(anna, "10.00");
        BigDecimal availableBefore = distribution.balancesOf(anna.id()).available().amount();
        TestCustomer friend = fixtures.referredBy(anna, OrderFixtures.unique("Tier Friend"));
        String number = fixtures.place(friend, fixtures.orders.product(OrderFixtures.unique("Tier Jar"), "33.33", 10), 3);
        fixtures.complete(number);

        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);

        LedgerLine commission = entries(anna, number, "COMMISSION").get(0);
        assertThat(commission.amount().amount()).isEqualByComparingTo("12.49");
        assertThat(commission.state()).isEqualTo("AVAILABLE");
        assertThat(entries(anna, number, "CLAWBACK")).singleElement()
                .satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("-4.16"));
        assertThat(distribution.balancesOf(anna.id()).available().amount().subtract(availableBefore))
                .as("kept = original - clawed back").isEqualByComparingTo("8.33");
    }

    @Test
    void aTierReachedIsHeldUntilTheEndOfTheWindowAfterItWasReachedThenTheFigureDecides() {
        silverAt(Measure.FIRST_ORDERS, "2", "12");
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Tier Hana"));
        String first = completedOrder(anna, "10.00");
        // The first friend ordered 60 days ago; the second friend's first order completes now and reaches Silver.
        jdbc.sql("UPDATE distributor_tier_order SET completed_at = completed_at - INTERVAL '60' DAY WHERE order_id = :o")
                .param("o", fixtures.orderId(first)).update();
        completedOrder(anna, "10.00");
        Instant now = Instant.now();
        assertThat(tiers.tierAt(anna.id(), now)).map(Tier::name).contains("Silver");

        // 40 days on, the first order has left the 90-day window (figure 1), but Silver is held.
        assertThat(tiers.tierAt(anna.id(), now.plus(Duration.ofDays(40)))).map(Tier::name).contains("Silver");
        // Once the window after reaching it is over, the figure (now 0) decides: back to the shop's rate.
        assertThat(tiers.tierAt(anna.id(), now.plus(Duration.ofDays(91)))).isEmpty();
    }

    @Test
    void movingUpIsAnnouncedOnceAndStayingInTheTierIsNot() {
        silverAt(Measure.FIRST_ORDERS, "1", "12");
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Tier Iris"));
        completedOrder(anna, "10.00");
        completedOrder(anna, "10.00");

        assertThat(outbox.all(DistributorTierRaised.class, e -> e.distributorId() == anna.id())).hasSize(1);
    }
}

package com.micromall.distribution.ledger;

import com.micromall.distribution.rewards.DistributorRewards;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.DistributorEnrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.order.DiscountLine;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The split red envelope: the friend's discount grows by exactly what the sharer's commission shrinks. */
@MicromallTest
class FriendShareTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributorRewards rewards;
    @Autowired DistributorChoices choices;
    @Autowired DistributorEnrolment enrolment;
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

    private BigDecimal sum(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (Object arg : args) {
            spec = spec.param(arg);
        }
        return spec.query(BigDecimal.class).single();
    }

    private BigDecimal paidForGoods(String number) {
        return sum("SELECT SUM(l.paid_amount) FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE o.number = ?",
                number);
    }

    private BigDecimal commission(TestCustomer distributor, String number, int level, String state) {
        return distribution.ledgerOf(distributor.id()).stream()
                .filter(l -> l.orderNumber().equals(number) && l.level() == level && l.state().equals(state))
                .map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same multi-line first order, bought by a friend of a sharer who gives {@code share} %. */
    private record Outcome(TestCustomer sharer, TestCustomer grandSharer, String number, List<DiscountLine> discounts,
                           BigDecimal expectedBeforeCompletion) {
    }

    private Outcome firstOrderWithShare(int share, long tea, long cups) {
        TestCustomer grand = fixtures.distributor("Grand Share " + share);
        TestCustomer sharer = fixtures.distributor("Anna Share " + share);
        fixtures.bind(sharer, grand);
        choices.chooseFriendShare(sharer.id(), share, "test");
        TestCustomer friend = fixtures.referredBy(sharer, "Friend Share " + share);
        Map<Long, Integer> basket = new java.util.LinkedHashMap<>();
        basket.put(tea, 1);
        basket.put(cups, 3);
        basket.forEach((product, q) -> carts.add(CartService.CartKey.customer(friend.id()), product, q));
        List<DiscountLine> discounts = checkout.summary(friend.id()).discounts();
        carts.clear(CartService.CartKey.customer(friend.id()));
        String number = fixtures.place(friend, basket, "1 Share Street", "100000");
        BigDecimal expected = distribution.balancesOf(sharer.id()).expected().amount();
        fixtures.complete(number);
        return new Outcome(sharer, grand, number, discounts, expected);
    }

    @Test
    void givingHalfTheCommissionLowersTheFriendsPaymentAndTheSharersCommissionByExactlyTheSameAmount() {
        long tea = fixtures.orders.product("Share Tea", "33.33", 50);
        long cups = fixtures.orders.product("Share Cup", "19.99", 50);

        Outcome keep = firstOrderWithShare(0, tea, cups);
        Outcome give = firstOrderWithShare(50, tea, cups);

        assertThat(keep.discounts()).extracting(DiscountLine::source).containsExactly("welcome");
        assertThat(give.discounts()).extracting(DiscountLine::source).containsExactly("welcome", "friend-gift");
        DiscountLine gift = give.discounts().get(1);
        assertThat(gift.labelKey()).isEqualTo("distribution.rewards.gift.label");
        assertThat(gift.labelArgs()).containsExactly("Anna");
        BigDecimal x = gift.amount().amount();
        assertThat(x).isPositive();

        // Goods 93.30, welcome 9.33: 83.97 paid without the gift; 10 % per line rounded down = 8.39; half = 4.19.
        assertThat(paidForGoods(keep.number())).isEqualByComparingTo("83.97");
        assertThat(x).isEqualByComparingTo("4.19");
        assertThat(paidForGoods(keep.number()).subtract(paidForGoods(give.number()))).isEqualByComparingTo(x);

        BigDecimal kept = commission(keep.sharer(), keep.number(), 1, "FROZEN");
        BigDecimal given = commission(give.sharer(), give.number(), 1, "FROZEN");
        assertThat(kept.subtract(given)).isEqualByComparingTo(x);
        assertThat(give.expectedBeforeCompletion()).as("expected earnings use the same rule").isEqualByComparingTo(given);
        assertThat(sum("SELECT SUM(friend_gift) FROM commission_snapshot_line WHERE order_id = ?",
                fixtures.orderId(give.number()))).isEqualByComparingTo(x);

        assertThat(commission(give.grandSharer(), give.number(), 2, "FROZEN"))
                .as("level 2 is not hurt by level 1's generosity")
                .isEqualByComparingTo(commission(keep.grandSharer(), keep.number(), 2, "FROZEN"))
                .isPositive();
    }

    @Test
    void onlyTheOfferedSharesMayBeChosenAndTheExampleUsesTheCheckoutCalculation() {
        TestCustomer anna = fixtures.distributor("Anna Choice");
        assertThatThrownBy(() -> choices.chooseFriendShare(anna.id(), 30, "test")).isInstanceOf(IllegalArgumentException.class);
        choices.chooseFriendShare(anna.id(), 75, "test");
        var view = rewards.view(anna.id()).orElseThrow();
        assertThat(view.friendSharePercent()).isEqualTo(75);
        // 100.00 − 10 % welcome = 90.00; 10 % = 9.00; 75 % of it = 6.75 to the friend, 2.25 kept.
        var example = view.examples().stream().filter(e -> e.percent() == 75).findFirst().orElseThrow();
        assertThat(example.friendGets()).isEqualTo(Money.of("6.75", example.basket().currency().getCurrencyCode()));
        assertThat(example.youEarn().amount()).isEqualByComparingTo("2.25");
    }
}

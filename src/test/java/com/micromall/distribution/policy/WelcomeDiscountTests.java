package com.micromall.distribution.policy;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.DiscountLine;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@MicromallTest
class WelcomeDiscountTests {

    @Autowired CheckoutService checkout;
    @Autowired CartService carts;
    @Autowired OrderService orderService;
    @Autowired ReferralBindings bindings;
    @Autowired DistributorEnrolment enrolment;
    @Autowired DistributionSettingsService settings;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
        original = settings.current();
    }

    @AfterEach
    void restore() {
        settings.update(original, "test");
    }

    private void welcome(WelcomeKind kind, String value, @Nullable String cap) {
        DistributionSettings s = settings.current();
        settings.update(new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), kind, new BigDecimal(value),
                cap == null ? null : new BigDecimal(cap), s.storeCreditBonusPercent(), s.withdrawalMinimum(),
                s.withdrawalFeePercent(), s.monthlyBudget(), s.shareTexts()), "test");
    }

    private TestCustomer invitedFriend(String sharerName) {
        long sharer = fixtures.customer(sharerName).id();
        TestCustomer friend = fixtures.customer("Friend Of " + sharerName);
        assertThat(bindings.bind(friend.id(), enrolment.enrolActive(sharer).code(), ReferralSource.LINK, null))
                .isEqualTo(ReferralBindings.BindingOutcome.BOUND);
        return friend;
    }

    private List<DiscountLine> welcomeLines(TestCustomer buyer, String price, int quantity) {
        carts.add(CartService.CartKey.customer(buyer.id()), fixtures.product("Gift", price, 100), quantity);
        return checkout.summary(buyer.id()).discounts().stream().filter(d -> d.source().equals("welcome")).toList();
    }

    private String place(TestCustomer buyer) {
        return checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
    }

    @Test
    void percentIsTakenOffTheGoodsRoundedDownToTheCentAndLabelledWithTheSharersFirstName() {
        welcome(WelcomeKind.PERCENT, "10", null);
        TestCustomer friend = invitedFriend("Anna Percent");
        List<DiscountLine> lines = welcomeLines(friend, "33.33", 1);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.amount().amount()).isEqualByComparingTo("3.33");
            assertThat(line.labelKey()).isEqualTo("distribution.welcome.label.percent");
            assertThat(line.labelArgs()).containsExactly("Anna", "10");
        });
    }

    @Test
    void percentIsCappedWhenACapIsSet() {
        welcome(WelcomeKind.PERCENT, "10", "5.00");
        TestCustomer friend = invitedFriend("Cap Carla");
        assertThat(welcomeLines(friend, "99.99", 1)).singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("5.00"));
    }

    @Test
    void aFixedBenefitNeverExceedsTheGoods() {
        welcome(WelcomeKind.FIXED, "20", null);
        TestCustomer friend = invitedFriend("Fixed Fred");
        assertThat(welcomeLines(friend, "12.50", 1)).singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("12.50"));
        TestCustomer other = invitedFriend("Fixed Fay");
        assertThat(welcomeLines(other, "30.00", 1)).singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("20.00"));
    }

    @Test
    void aZeroBenefitOffersNoLineAndAnUnboundCustomerGetsNone() {
        welcome(WelcomeKind.PERCENT, "0", null);
        assertThat(welcomeLines(invitedFriend("Zero Zed"), "50.00", 1)).isEmpty();
        welcome(WelcomeKind.PERCENT, "10", null);
        assertThat(welcomeLines(fixtures.customer("Nobody Invited"), "50.00", 1)).isEmpty();
    }

    @Test
    void theOrderStoresTheWelcomeLineAndOnlyTheFirstOrderGetsIt() {
        welcome(WelcomeKind.PERCENT, "10", null);
        TestCustomer friend = invitedFriend("First Only");
        assertThat(welcomeLines(friend, "40.00", 1)).hasSize(1);
        String number = place(friend);

        List<Map<String, Object>> stored = jdbc.sql("""
                SELECT d.source, d.amount, d.label_key FROM order_discount d JOIN shop_order o ON o.id = d.order_id
                WHERE o.number = :n""").param("n", number).query().listOfRows();
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("source")).isEqualTo("welcome");
            assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("4.00");
        });

        assertThat(welcomeLines(friend, "40.00", 1)).isEmpty();
    }

    @Test
    void aCancelledFirstOrderDoesNotUseUpTheBenefitAndASuspendedSharerStillGivesIt() {
        welcome(WelcomeKind.PERCENT, "10", null);
        long sharer = fixtures.customer("Paused Paula").id();
        TestCustomer friend = fixtures.customer("Friend Of Paula");
        bindings.bind(friend.id(), enrolment.enrolActive(sharer).code(), ReferralSource.LINK, null);
        enrolment.suspend(sharer, "owner@demo.micromall");
        welcomeLines(friend, "10.00", 1);
        String number = place(friend);
        orderService.cancelByCustomer(friend.id(), number);
        assertThat(welcomeLines(friend, "10.00", 1)).singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("1.00"));
    }
}

package com.micromall.distribution.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.policy.DistributorTiers.TierDraft;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's tier box: the rate friends' orders earn now, how far the next tier is, and a tier held. */
@MicromallTest
class TierBoxPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionSettingsService settings;
    @Autowired DistributorTiers tiers;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(DistributionSettings.EnrolmentRule.EVERYONE, new BigDecimal("10"),
                BigDecimal.ZERO, s.attributionDays(), 7, DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()),
                "test");
    }

    @AfterEach
    void restore() {
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(), "test");
        settings.update(original, "test");
    }

    private void silverAndGold() {
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(
                new TierDraft("Silver", BigDecimal.ONE, new BigDecimal("12"), null),
                new TierDraft("Gold", new BigDecimal("3"), new BigDecimal("15"), null)), "test");
    }

    private Document page(TestCustomer who) throws Exception {
        return Jsoup.parse(mvc.perform(get("/distribution").locale(Locale.ENGLISH).with(user(who.principal())))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void withoutTiersThereIsNoTierBox() throws Exception {
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Box Anna"));

        assertThat(page(anna).select("#tier")).isEmpty();
    }

    @Test
    void aSharerBelowTheFirstTierSeesTheShopRateAndWhatTheFirstTierNeeds() throws Exception {
        silverAndGold();
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Box Bea"));

        Document page = page(anna);

        assertThat(page.select("#tier-current").text()).isEqualTo("No tier yet: your friends' orders earn you 10 %.");
        assertThat(page.select("#tier-figure").text()).isEqualTo("Friends' first orders in the last 90 days: 0");
        assertThat(page.select("#tier-next").text()).isEqualTo("1 more first order to Silver, 12 % instead of 10 %");
        assertThat(page.select("#tier-progress").attr("value")).isEqualTo("0");
    }

    @Test
    void aTierWhoseOrdersLeftTheWindowIsShownAsHeldUntilItsWindowEnds() throws Exception {
        silverAndGold();
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Box Cleo"));
        TestCustomer friend = fixtures.referredBy(anna, OrderFixtures.unique("Box Friend"));
        String number = fixtures.place(friend, fixtures.orders.product(OrderFixtures.unique("Box Tea"), "20.00", 5), 1);
        fixtures.complete(number);
        jdbc.sql("UPDATE distributor_tier_order SET completed_at = completed_at - INTERVAL '100' DAY WHERE order_id = :o")
                .param("o", fixtures.orderId(number)).update();

        Document page = page(anna);

        assertThat(page.select("#tier-current").text()).isEqualTo("Silver Your friends' orders earn you 12 %.");
        assertThat(page.select("#tier-figure").text()).endsWith(": 0");
        assertThat(page.select("#tier-held").text()).startsWith("You keep Silver until ");
        assertThat(page.select("#tier-next").text()).isEqualTo("3 more first orders to Gold, 15 % instead of 12 %");
    }
}

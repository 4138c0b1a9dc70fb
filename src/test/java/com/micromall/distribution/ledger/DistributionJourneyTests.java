package com.micromall.distribution.ledger;

import com.micromall.distribution.referral.DistributorEnrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.ledger.DistributionApi.LedgerLine;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The whole referral journey, clawback included, through the real web entry points. */
@MicromallTest
class DistributionJourneyTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired DistributionSettingsService settings;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired DistributorEnrolment enrolment;
    @Autowired DistributorAccounts accounts;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings s = original;
        // 10 % welcome, 10 % level 1, level 2 switched on at 5 %, 7-day return window.
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("10"), new BigDecimal("5"),
                s.attributionDays(), 7, DistributionSettings.WelcomeKind.PERCENT, new BigDecimal("10"), null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()),
                "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    private String codeOf(TestCustomer distributor) {
        return jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", distributor.id())
                .query(String.class).single();
    }

    /** An ACTIVE distributor with a real share code (unambiguous alphabet). */
    private TestCustomer sharer(String name) {
        TestCustomer customer = fixtures.orders.customer(name);
        enrolment.enrolActive(customer.id());
        return customer;
    }

    /** B follows A's share link and registers in the same browser: returns B. */
    private TestCustomer registerThroughLinkOf(TestCustomer referrer, String name) throws Exception {
        String code = codeOf(referrer);
        Cookie cookie = mvc.perform(get("/r/" + code).header("User-Agent", "JourneyAgent/1.0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie(ReferralAttribution.COOKIE);
        assertThat(cookie).as("attribution cookie").isNotNull();
        // The registration page pre-fills the code from the attribution cookie; the visitor submits it as shown.
        String page = mvc.perform(get("/register").cookie(cookie).header("User-Agent", "JourneyAgent/1.0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String prefilled = Jsoup.parse(page).select("input[name=referralCode]").val();
        assertThat(prefilled).isEqualTo(code);
        String email = OrderFixtures.unique("journey").toLowerCase() + "@example.com";
        mvc.perform(post("/register").with(csrf()).cookie(cookie).header("User-Agent", "JourneyAgent/1.0")
                        .param("name", name).param("email", email).param("password", "journey-secret-1")
                        .param("referralCode", prefilled))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email).query(Long.class).single();
        // The friend opens the verification mail before buying (an unverified buyer's commission is held).
        jdbc.sql("UPDATE customer SET email_verified_at = created_at WHERE id = :id").param("id", id).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM referral_binding WHERE referee_id = :b").param("b", id).query(Long.class).single() == 1);
        return new TestCustomer(id, email, "journey-secret-1", name, fixtures.orders.owner());
    }

    private List<LedgerLine> entries(TestCustomer distributor, String number, String kind) {
        return distribution.ledgerOf(distributor.id()).stream()
                .filter(l -> l.orderNumber().equals(number) && l.kind().equals(kind)).toList();
    }

    private void unfreezeAsOf(Instant instant) {
        transactions.executeWithoutResult(s -> new UnfreezeJob(jdbc, new DistributorAccounts(jdbc), clock).unfreezeDue(instant));
    }

    private static BigDecimal down(BigDecimal base, String percent) {
        return base.multiply(new BigDecimal(percent)).divide(new BigDecimal("100"), 2, RoundingMode.DOWN);
    }

    @Test
    void aFriendWhoFollowsTheLinkAndRegistersIsBoundGetsTheWelcomeDiscountAndEarnsBothLevelsFrozenThenAvailable()
            throws Exception {
        TestCustomer grandma = sharer("Grace Journey");
        TestCustomer anna = sharer("Anna Journey");
        fixtures.bind(anna, grandma);

        TestCustomer ben = registerThroughLinkOf(anna, "Ben Journey");
        assertThat(jdbc.sql("SELECT referrer_id FROM referral_binding WHERE referee_id = :b").param("b", ben.id())
                .query(Long.class).single()).isEqualTo(anna.id());
        assertThat(jdbc.sql("SELECT source FROM referral_binding WHERE referee_id = :b").param("b", ben.id())
                .query(String.class).single()).isEqualTo("LINK");

        // 2 × 24.99 = 49.98; welcome 10 % = 4.998 → 4.99; Ben pays 44.99 for the goods.
        long tea = fixtures.orders.product("Journey Tea", "24.99", 10);
        String number = fixtures.place(ben, tea, 2);
        List<BigDecimal> welcome = jdbc.sql("""
                SELECT d.amount FROM order_discount d JOIN shop_order o ON o.id = d.order_id
                WHERE o.number = :n AND d.source = 'welcome'""").param("n", number).query(BigDecimal.class).list();
        assertThat(welcome).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("4.99"));
        BigDecimal paid = jdbc.sql("SELECT SUM(l.paid_amount) FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE o.number = :n")
                .param("n", number).query(BigDecimal.class).single();
        assertThat(paid).isEqualByComparingTo("44.99");

        fixtures.complete(number);

        BigDecimal level1 = down(paid, "10");
        BigDecimal level2 = down(paid, "5");
        assertThat(level1).isEqualByComparingTo("4.49");
        assertThat(level2).isEqualByComparingTo("2.24");
        assertThat(entries(anna, number, "COMMISSION")).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(1);
            assertThat(e.state()).isEqualTo("FROZEN");
            assertThat(e.amount().amount()).isEqualByComparingTo(level1);
        });
        assertThat(entries(grandma, number, "COMMISSION")).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(2);
            assertThat(e.state()).isEqualTo("FROZEN");
            assertThat(e.amount().amount()).isEqualByComparingTo(level2);
        });
        assertThat(distribution.balancesOf(anna.id()).available().amount()).isEqualByComparingTo("0");

        Instant unfreezesAt = entries(anna, number, "COMMISSION").get(0).unfreezesAt();
        unfreezeAsOf(unfreezesAt.minusSeconds(60));
        assertThat(entries(anna, number, "COMMISSION").get(0).state()).isEqualTo("FROZEN");

        unfreezeAsOf(unfreezesAt.plusSeconds(1));
        assertThat(entries(anna, number, "COMMISSION").get(0).state()).isEqualTo("AVAILABLE");
        assertThat(entries(grandma, number, "COMMISSION").get(0).state()).isEqualTo("AVAILABLE");
        assertThat(distribution.balancesOf(anna.id()).available().amount()).isEqualByComparingTo(level1);
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo("0");
        assertThat(distribution.balancesOf(grandma.id()).available().amount()).isEqualByComparingTo(level2);
    }

    @Test
    void aRefundAfterTheWindowClawsBackAndTheAvailableBalanceGoesNegativeWhenTheMoneyWasAlreadySpent() throws Exception {
        TestCustomer anna = sharer("Anna Clawback");
        TestCustomer ben = registerThroughLinkOf(anna, "Ben Clawback");
        long lamp = fixtures.orders.product("Clawback Lamp", "100.00", 10);
        String number = fixtures.place(ben, lamp, 1);
        fixtures.complete(number);
        // 100.00 − 10 % welcome = 90.00 paid; 10 % = 9.00.
        Instant unfreezesAt = entries(anna, number, "COMMISSION").get(0).unfreezesAt();
        unfreezeAsOf(unfreezesAt.plusSeconds(1));
        assertThat(distribution.balancesOf(anna.id()).available().amount()).isEqualByComparingTo("9.00");

        // Anna spends 6.00 of it as store credit before Ben sends the lamp back.
        jdbc.sql("""
                INSERT INTO store_credit_spend (order_id, distributor_id, credit_amount, cash_amount, currency, spent_at)
                VALUES (:o, :d, 7.20, 6.00, 'CNY', :at)""")
                .param("o", -Math.abs(System.nanoTime())).param("d", anna.id())
                .param("at", Timestamp.from(clock.instant())).update();
        accounts.recompute(anna.id()); // the application's keeper: payout reports the spend
        assertThat(distribution.balancesOf(anna.id()).available().amount()).isEqualByComparingTo("3.00");

        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);

        assertThat(entries(anna, number, "CLAWBACK")).singleElement().satisfies(e -> {
            assertThat(e.amount().amount()).isEqualByComparingTo("-9.00");
            assertThat(e.state()).isEqualTo("AVAILABLE");
        });
        assertThat(entries(anna, number, "COMMISSION").get(0).state()).isEqualTo("AVAILABLE");
        var balances = distribution.balancesOf(anna.id());
        assertThat(balances.available().amount()).isEqualByComparingTo("-6.00");
        assertThat(balances.clawedBack().amount()).isEqualByComparingTo("9.00");
    }
}

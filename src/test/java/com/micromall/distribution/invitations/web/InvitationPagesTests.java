package com.micromall.distribution.invitations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
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

@MicromallTest
class InvitationPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DistributorEnrolment enrolment;
    @Autowired ReferralBindings bindings;
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

    private String codeOf(String name) {
        return enrolment.codeFor(fixtures.customer(name).id()).orElseThrow().code();
    }

    private Document page(String url, Cookie cookie) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).cookie(cookie).locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void aVisitorWithTheCookieSeesTheSharersFirstNameAndTheBenefitNeverTheCommission() throws Exception {
        DistributionSettings s = settings.current();
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("7"), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, new BigDecimal("10"),
                null, s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), s.monthlyBudget(),
                s.shareTexts()), "test");
        Cookie cookie = new Cookie(ReferralAttribution.COOKIE, codeOf("Anna Longname"));

        for (String url : new String[] {"/", "/register"}) {
            Document page = page(url, cookie);
            String banner = page.select("#invitation-banner").text().replace('\u00a0', ' ');
            assertThat(banner).as(url).isEqualTo("Anna invited you — 10 % off your first order")
                    .doesNotContain("Longname");
            assertThat(page.text()).doesNotContain("7 %").doesNotContainIgnoringCase("commission");
        }
    }

    @Test
    void aFixedBenefitIsShownAsAnAmountAndAnUnknownCodeShowsNoBanner() throws Exception {
        DistributionSettings s = settings.current();
        settings.update(new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.FIXED, new BigDecimal("20"),
                null, s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), s.monthlyBudget(),
                s.shareTexts()), "test");
        String banner = page("/", new Cookie(ReferralAttribution.COOKIE, codeOf("Felix Fixed"))).select("#invitation-banner").text();
        assertThat(banner).startsWith("Felix invited you — ").contains("20.00").endsWith("off your first order");

        assertThat(page("/", new Cookie(ReferralAttribution.COOKIE, "ZZZZZZZZ")).select("#invitation-banner")).isEmpty();
    }

    @Test
    void aBoundCustomerNoLongerSeesTheBanner() throws Exception {
        String code = codeOf("Bound Bea");
        TestCustomer friend = fixtures.customer("Friend Of Bea");
        Cookie cookie = new Cookie(ReferralAttribution.COOKIE, code);
        assertThat(Jsoup.parse(mvc.perform(get("/").cookie(cookie).with(user(friend.principal())))
                .andReturn().getResponse().getContentAsString()).select("#invitation-banner")).hasSize(1);
        bindings.bindLater(friend.id(), code);
        assertThat(Jsoup.parse(mvc.perform(get("/").cookie(cookie).with(user(friend.principal())))
                .andReturn().getResponse().getContentAsString()).select("#invitation-banner")).isEmpty();
    }

    private Document postCode(TestCustomer who, String code) throws Exception {
        var result = mvc.perform(post("/distribution/invited-by").with(user(who.principal())).with(csrf())
                .param("code", code).locale(Locale.ENGLISH)).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void aCustomerWithoutAReferrerMayEnterACodeOnceWithClearMessagesForEachRefusal() throws Exception {
        TestCustomer me = fixtures.customer("Late Lucy");
        String myCode = enrolment.codeFor(me.id()).orElseThrow().code();

        assertThat(postCode(me, "ZZZZZZZZ").select(".invalid-feedback").text()).contains("no invitation code like this");
        assertThat(postCode(me, myCode).select(".invalid-feedback").text()).contains("your own code");
        assertThat(postCode(me, " ").select(".invalid-feedback").text()).contains("Please enter");

        String friendCode = codeOf("Kind Kim");
        mvc.perform(post("/distribution/invited-by").with(user(me.principal())).with(csrf()).param("code", friendCode))
                .andExpect(status().is3xxRedirection());
        assertThat(bindings.referrerOf(me.id())).isPresent();

        Document again = Jsoup.parse(mvc.perform(get("/distribution/invited-by").with(user(me.principal())).locale(Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString());
        assertThat(again.select("#invited-by-form")).isEmpty();
        assertThat(again.text()).contains("You are linked to the friend who invited you");
        assertThat(bindings.bindLater(me.id(), codeOf("Other Olga"))).isEqualTo(ReferralBindings.BindingOutcome.ALREADY_BOUND);
    }

    @Test
    void aCycleIsExplainedAndACustomerWhoAlreadyOrderedCannotEnterACode() throws Exception {
        TestCustomer a = fixtures.customer("Cyclic Carl");
        TestCustomer b = fixtures.customer("Cyclic Cora");
        bindings.bindLater(b.id(), enrolment.codeFor(a.id()).orElseThrow().code());
        assertThat(postCode(a, enrolment.codeFor(b.id()).orElseThrow().code()).select(".invalid-feedback").text())
                .contains("joined through you");

        TestCustomer buyer = fixtures.customer("Ordered Olly");
        insertOrder(buyer.id());
        assertThat(bindings.bindLater(buyer.id(), codeOf("Too Late"))).isEqualTo(ReferralBindings.BindingOutcome.ALREADY_ORDERED);
        Document page = Jsoup.parse(mvc.perform(get("/distribution/invited-by").with(user(buyer.principal())).locale(Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#invited-by-form")).isEmpty();
        assertThat(page.text()).contains("only be entered before your first order");
    }

    @Test
    void theInvitedByPageNeedsALogin() throws Exception {
        mvc.perform(get("/distribution/invited-by")).andExpect(status().is3xxRedirection());
    }

    private void insertOrder(long customerId) {
        String number = ("T" + java.util.UUID.randomUUID().toString().replace("-", "")).substring(0, 18);
        jdbc.sql("""
                INSERT INTO shop_order (number, checkout_token, customer_id, customer_name, customer_email, status,
                    payment_method, currency, goods_total, discount_total, shipping_fee, total, refunded_total,
                    ship_recipient, ship_phone, ship_line1, ship_city, ship_postal_code, ship_country, placed_at)
                VALUES (:n, :t, :c, 'X', 'x@example.com', 'PAID', 'BANK_TRANSFER', 'CNY', 10, 0, 0, 10, 0,
                    'R', '1', 'L', 'C', 'P', 'CN', :at)""")
                .param("n", number).param("c", customerId).param("at", Timestamp.from(Instant.now()))
                .param("t", number).update();
    }
}

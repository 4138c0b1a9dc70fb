package com.micromall.distribution.invitations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Share & earn leads somewhere: no offer that can only be refused, and an application ends on its status page. */
@MicromallTest
class ShareAndEarnWayTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributionSettingsService settings;
    @Autowired DistributorEnrolment enrolment;

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

    private void rule(EnrolmentRule rule) {
        DistributionSettings s = settings.current();
        settings.update(new DistributionSettings(rule, s.level1Percent(), s.level2Percent(), s.attributionDays(),
                s.returnWindowDays(), s.welcomeKind(), s.welcomeValue(), s.welcomeCap(), s.storeCreditBonusPercent(),
                s.withdrawalMinimum(), s.withdrawalFeePercent(), s.monthlyBudget(), s.shareTexts()), "test");
    }

    private Document page(TestCustomer who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).locale(Locale.ENGLISH).with(user(who.principal())))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private void order(TestCustomer buyer) throws Exception {
        long product = fixtures.product("Way tea", "6.00", 10);
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "1")
                .with(user(buyer.principal())).with(csrf())).andExpect(status().is3xxRedirection());
        String token = page(buyer, "/checkout").selectFirst("input[name=checkoutToken]").val();
        mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf()).param("checkoutToken", token)
                        .param("paymentMethod", "BANK_TRANSFER").param("recipient", buyer.name()).param("phone", "555")
                        .param("line1", "1 Road").param("city", "Suzhou").param("postalCode", "215000")
                        .param("country", "China"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aCustomerWhoHasOrderedIsNoLongerAskedForTheCodeOfTheFriendWhoInvitedThem() throws Exception {
        rule(EnrolmentRule.FIRST_PURCHASE);
        TestCustomer newcomer = fixtures.customer("Not Yet Ordered");
        assertThat(page(newcomer, "/distribution").select("a[href=/distribution/invited-by]")).hasSize(1);

        TestCustomer buyer = fixtures.customer("Has Ordered");
        order(buyer);

        assertThat(page(buyer, "/distribution").select("a[href=/distribution/invited-by]")).isEmpty();
        rule(EnrolmentRule.EVERYONE);
        Document dashboard = page(buyer, "/distribution");
        assertThat(dashboard.getElementById("share-link")).isNotNull();
        assertThat(dashboard.select("a[href=/distribution/invited-by]")).isEmpty();
        assertThat(dashboard.text()).doesNotContain("Were you invited by a friend");
        Document late = page(buyer, "/distribution/invited-by");
        assertThat(late.getElementById("invited-by-form")).isNull();
        assertThat(late.getElementById("invited-by-back").attr("href")).isEqualTo("/distribution");
    }

    @Test
    void applyingToShareAndEarnLeadsToThePageThatSaysWhatHappensNext() throws Exception {
        rule(EnrolmentRule.APPROVAL);
        TestCustomer applicant = fixtures.customer("Applicant Amy");

        mvc.perform(post("/distribution/apply").with(user(applicant.principal())).with(csrf()))
                .andExpect(redirectedUrl("/distribution"))
                .andExpect(flash().attribute("flashSuccess", "distribution.apply.sent"));

        Document next = page(applicant, "/distribution");
        assertThat(next.getElementById("state-PENDING")).isNotNull();
        assertThat(next.getElementById("pending-next").text())
                .contains("Once you are approved, this page shows your share link");
    }

    @Test
    void underTheEveryoneRuleApplyingOpensTheShareDashboard() throws Exception {
        rule(EnrolmentRule.EVERYONE);
        TestCustomer applicant = fixtures.customer("Eager Eli");

        mvc.perform(post("/distribution/apply").with(user(applicant.principal())).with(csrf()))
                .andExpect(redirectedUrl("/distribution"))
                .andExpect(flash().attribute("flashSuccess", "distribution.apply.active"));

        assertThat(page(applicant, "/distribution").getElementById("share-link")).isNotNull();
    }

    @Test
    void aSuspendedDistributorWhoAppliesAgainIsToldTheAccountIsPausedNotThatTheyAreADistributorNow() throws Exception {
        rule(EnrolmentRule.EVERYONE);
        TestCustomer paused = fixtures.customer("Paused Pia");
        enrolment.apply(paused.id());
        enrolment.suspend(paused.id(), "owner@test");

        mvc.perform(post("/distribution/apply").with(user(paused.principal())).with(csrf()))
                .andExpect(redirectedUrl("/distribution"))
                .andExpect(flash().attribute("flashError", "distribution.apply.suspended"))
                .andExpect(flash().attributeCount(1));
    }
}

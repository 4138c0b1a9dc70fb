package com.micromall.distribution.invitations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The share moment: right after buying, the confirmation and the order page hand the buyer their own share card
 * (link, QR code, the owner's texts, what a friend gets) when they may share, and never what the sharer earns.
 */
@MicromallTest
class ShareMomentTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributionSettingsService settings;

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

    /** Level-1 rate 12.5 %, friends get 15 % off (at most 30.00), and two share texts of the owner. */
    private void rules(EnrolmentRule rule) {
        DistributionSettings s = settings.current();
        settings.update(new DistributionSettings(rule, new BigDecimal("12.5"), s.level2Percent(), s.attributionDays(),
                s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, new BigDecimal("15"),
                new BigDecimal("30.00"), s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(),
                s.monthlyBudget(), "Our favourite tea shop: {link}\nA gift for you: {link}"), "test");
    }

    private Document page(TestCustomer who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).locale(Locale.ENGLISH).with(user(who.principal())))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private String order(TestCustomer buyer) throws Exception {
        long product = fixtures.product("Moment tea", "48.00", 10);
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "1")
                .with(user(buyer.principal())).with(csrf())).andExpect(status().is3xxRedirection());
        String token = page(buyer, "/checkout").selectFirst("input[name=checkoutToken]").val();
        String location = mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                        .param("checkoutToken", token).param("paymentMethod", "BANK_TRANSFER")
                        .param("recipient", buyer.name()).param("phone", "555").param("line1", "1 Road")
                        .param("city", "Suzhou").param("postalCode", "215000").param("country", "China"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.split("/")[2];
    }

    private String codeOf(TestCustomer customer) {
        return jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", customer.id())
                .query(String.class).single();
    }

    @Test
    void theConfirmationAndTheOrderPageShowTheBuyersLinkQrTextsAndTheFriendsGiftButNeverTheSharersEarnings()
            throws Exception {
        rules(EnrolmentRule.EVERYONE);
        TestCustomer buyer = fixtures.customer("Moment Mia");
        String number = order(buyer);

        for (String path : List.of("/orders/" + number + "/confirmation", "/orders/" + number)) {
            Document page = page(buyer, path);
            Element card = page.getElementById("share-card");
            assertThat(card).as(path).isNotNull();
            String link = "http://localhost/r/" + codeOf(buyer);
            assertThat(page.getElementById("share-card-link").val()).as(path).isEqualTo(link);
            assertThat(page.getElementById("share-card-copy").attr("data-copy-target")).isEqualTo("share-card-link");
            assertThat(page.getElementById("share-card-native").attr("data-share-url")).isEqualTo(link);
            assertThat(page.getElementById("share-card-qr").attr("src")).isEqualTo("/distribution/qr.png");
            assertThat(page.getElementById("share-card-benefit").text())
                    .isEqualTo("Friends get 15 % off their first order (up to CN¥30.00).");
            assertThat(card.select("textarea.mm-share-text").eachText())
                    .containsExactly("Our favourite tea shop: " + link, "A gift for you: " + link);
            assertThat(card.text()).as("nothing about what the sharer earns")
                    .doesNotContainIgnoringCase("12.5").doesNotContainIgnoringCase("commission")
                    .doesNotContainIgnoringCase("earn").doesNotContainIgnoringCase("reward");
            assertThat(page.text()).doesNotContain("12.5 %").doesNotContain("12.5%");
        }
        assertThat(mvc.perform(get("/distribution/qr.png").with(user(buyer.principal()))).andReturn().getResponse()
                .getContentType()).isEqualTo("image/png");
    }

    @Test
    void whereTheOwnerApprovesSharersABuyerWhoHasNotAppliedIsInvitedToApplyAndSeesNoLink() throws Exception {
        rules(EnrolmentRule.APPROVAL);
        TestCustomer buyer = fixtures.customer("Apply Ada");
        String number = order(buyer);

        for (String path : List.of("/orders/" + number + "/confirmation", "/orders/" + number)) {
            Document page = page(buyer, path);
            assertThat(page.getElementById("share-card-apply")).as(path).isNotNull();
            assertThat(page.select("#share-card-apply form").attr("action")).isEqualTo("/distribution/apply");
            assertThat(page.getElementById("share-card-link")).isNull();
            assertThat(page.getElementById("share-card-qr")).isNull();
        }

        mvc.perform(post("/distribution/apply").with(user(buyer.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document pending = page(buyer, "/orders/" + number);
        assertThat(pending.getElementById("share-card")).as("a pending applicant has nothing to share yet").isNull();
    }

    @Test
    void aBuyerWhoCanShareOnlyAfterAFirstCompletedOrderOrWhoseSharingIsPausedSeesNoCard() throws Exception {
        rules(EnrolmentRule.FIRST_PURCHASE);
        TestCustomer firstTimer = fixtures.customer("First Fay");
        String number = order(firstTimer);
        assertThat(page(firstTimer, "/orders/" + number + "/confirmation").getElementById("share-card")).isNull();
        assertThat(page(firstTimer, "/orders/" + number).getElementById("share-card")).isNull();

        rules(EnrolmentRule.EVERYONE);
        TestCustomer paused = fixtures.customer("Paused Pia");
        String pausedOrder = order(paused);
        assertThat(page(paused, "/orders/" + pausedOrder).getElementById("share-card")).isNotNull();
        jdbc.sql("UPDATE distributor SET status = 'SUSPENDED' WHERE customer_id = :c").param("c", paused.id()).update();
        assertThat(page(paused, "/orders/" + pausedOrder + "/confirmation").getElementById("share-card")).isNull();
        assertThat(page(paused, "/orders/" + pausedOrder).getElementById("share-card")).isNull();
    }
}

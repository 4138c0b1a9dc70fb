package com.micromall.distribution.rewards.web;

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
import com.micromall.support.MicromallTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@MicromallTest
class RewardsPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    private TestCustomer distributor(String name) {
        TestCustomer customer = fixtures.customer(name);
        assertThat(enrolment.apply(customer.id())).isEqualTo(DistributorEnrolment.ApplyOutcome.ACTIVE);
        return customer;
    }

    private String column(TestCustomer customer, String column) {
        return jdbc.sql("SELECT " + column + " FROM distributor WHERE customer_id = :c").param("c", customer.id())
                .query(String.class).single();
    }

    private Document page(TestCustomer customer) throws Exception {
        return Jsoup.parse(mvc.perform(get("/distribution/rewards").with(user(customer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theRewardsPageNeedsALogin() throws Exception {
        mvc.perform(get("/distribution/rewards")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aDistributorSeesTheCurrentFormTheBalancesAndAnExampleForEveryShare() throws Exception {
        Document page = page(distributor("Rita Rewards"));
        assertThat(page.select("#reward-form-current").text()).contains("Cash");
        assertThat(page.select("input[name=rewardForm][checked]").val()).isEqualTo("CASH");
        assertThat(page.select("input[name=friendSharePercent]")).extracting(e -> e.val())
                .containsExactly("0", "25", "50", "75", "100");
        assertThat(page.select("input[name=friendSharePercent][checked]").val()).isEqualTo("0");
        assertThat(page.select("#friend-share-form").text()).contains("first order your friend gets");
        assertThat(page.select("form[action$=/distribution/rewards/form] input[name=_csrf]")).isNotEmpty();
    }

    @Test
    void switchingToStoreCreditAndChoosingAShareAreSavedWithAMessage() throws Exception {
        TestCustomer sam = distributor("Sam Switch");
        mvc.perform(post("/distribution/rewards/form").with(user(sam.principal())).with(csrf())
                        .param("rewardForm", "STORE_CREDIT"))
                .andExpect(redirectedUrl("/distribution/rewards"))
                .andExpect(flash().attribute("flashSuccess", "distribution.rewards.saved.form.STORE_CREDIT"));
        mvc.perform(post("/distribution/rewards/share").with(user(sam.principal())).with(csrf())
                        .param("friendSharePercent", "50"))
                .andExpect(redirectedUrl("/distribution/rewards"));

        assertThat(column(sam, "reward_form")).isEqualTo("STORE_CREDIT");
        assertThat(column(sam, "friend_share_percent")).isEqualTo("50");
        Document page = page(sam);
        assertThat(page.select("input[name=rewardForm][checked]").val()).isEqualTo("STORE_CREDIT");
        assertThat(page.select("input[name=friendSharePercent][checked]").val()).isEqualTo("50");
    }

    @Test
    void badChoicesReShowThePageWithTheErrorNextToTheFieldAndChangeNothing() throws Exception {
        TestCustomer bea = distributor("Bea Bad");
        Document form = Jsoup.parse(mvc.perform(post("/distribution/rewards/form").with(user(bea.principal())).with(csrf())
                        .param("rewardForm", "GOLD"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.select("#reward-form-form .invalid-feedback").text()).isEqualTo("Choose one of the forms offered.");

        Document share = Jsoup.parse(mvc.perform(post("/distribution/rewards/share").with(user(bea.principal())).with(csrf())
                        .param("friendSharePercent", "33"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(share.select("#friend-share-form .invalid-feedback").text()).isEqualTo("Choose one of the shares offered.");

        assertThat(column(bea, "reward_form")).isEqualTo("CASH");
        assertThat(column(bea, "friend_share_percent")).isEqualTo("0");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        TestCustomer cora = distributor("Cora Csrf");
        mvc.perform(post("/distribution/rewards/form").with(user(cora.principal())).param("rewardForm", "STORE_CREDIT"))
                .andExpect(status().isForbidden());
        assertThat(column(cora, "reward_form")).isEqualTo("CASH");
    }

    @Test
    void aCustomerWhoIsNotADistributorIsPointedToTheApplication() throws Exception {
        Document page = page(fixtures.customer("Nora Not"));
        assertThat(page.select("#rewards-not-distributor").text()).contains("not a distributor");
        assertThat(page.select("form[action$=/distribution/apply]")).hasSize(1);
        assertThat(page.select("#reward-form")).isEmpty();
    }
}

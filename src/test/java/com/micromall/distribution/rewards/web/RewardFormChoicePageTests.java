package com.micromall.distribution.rewards.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.RewardForm;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.RewardForms;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.EnumSet;
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

/** The rewards page offers the forms the owner allows, each with its bonus on a sample commission. */
@MicromallTest
class RewardFormChoicePageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;
    @Autowired RewardForms rewardForms;

    OrderFixtures fixtures;
    RewardForms.Rules original;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
        original = rewardForms.current();
        offer(EnumSet.allOf(RewardForm.class));
    }

    @AfterEach
    void restore() {
        rewardForms.change(original, "test");
    }

    private void offer(EnumSet<RewardForm> forms) {
        rewardForms.change(new RewardForms.Rules(forms, new BigDecimal("30")), "test");
    }

    private TestCustomer distributor(String name) {
        TestCustomer customer = fixtures.customer(name);
        assertThat(enrolment.apply(customer.id())).isEqualTo(DistributorEnrolment.ApplyOutcome.ACTIVE);
        return customer;
    }

    private String form(TestCustomer customer) {
        return jdbc.sql("SELECT reward_form FROM distributor WHERE customer_id = :c").param("c", customer.id())
                .query(String.class).single();
    }

    private Document page(TestCustomer customer, Locale locale) throws Exception {
        return Jsoup.parse(mvc.perform(get("/distribution/rewards").with(user(customer.principal())).locale(locale)
                        .param("lang", locale.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long auditLines(TestCustomer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'distribution.rewardForm' AND subject = :s")
                .param("s", "customer " + customer.id()).query(Long.class).single();
    }

    @Test
    void onlyTheOfferedFormsAreShownEachWithItsBonusOnASampleCommission() throws Exception {
        TestCustomer pia = distributor("Pia Points");
        Document all = page(pia, Locale.ENGLISH);
        assertThat(all.select("input[name=rewardForm]").eachAttr("value")).containsExactly("CASH", "STORE_CREDIT", "POINTS");
        assertThat(all.select("#reward-sample-CASH").text()).isEqualTo("On a CN¥10.00 commission: CN¥10.00 you can withdraw.");
        assertThat(all.select("#reward-sample-POINTS").text()).isEqualTo("On a CN¥10.00 commission: points worth CN¥13.00.");
        assertThat(all.select("#reward-sample-STORE_CREDIT").text()).contains("to spend in this shop");

        offer(EnumSet.of(RewardForm.CASH, RewardForm.STORE_CREDIT));
        assertThat(page(pia, Locale.ENGLISH).select("input[name=rewardForm]").eachAttr("value"))
                .containsExactly("CASH", "STORE_CREDIT");
        Document refused = Jsoup.parse(mvc.perform(post("/distribution/rewards/form").with(user(pia.principal()))
                        .with(csrf()).locale(Locale.ENGLISH).param("rewardForm", "POINTS"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#reward-form-form .invalid-feedback").text()).isEqualTo("Choose one of the forms offered.");
        assertThat(form(pia)).isEqualTo("CASH");
    }

    @Test
    void choosingPointsTwiceSavesItOnceAndTheSecondPostChangesNothing() throws Exception {
        TestCustomer ivo = distributor("Ivo Twice");
        long before = auditLines(ivo);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/distribution/rewards/form").with(user(ivo.principal())).with(csrf())
                            .param("rewardForm", "POINTS"))
                    .andExpect(redirectedUrl("/distribution/rewards"))
                    .andExpect(flash().attribute("flashSuccess", "distribution.rewards.saved.form.POINTS"));
        }
        assertThat(form(ivo)).isEqualTo("POINTS");
        assertThat(auditLines(ivo)).isEqualTo(before + 1);
        Document page = page(ivo, Locale.ENGLISH);
        assertThat(page.select("input[name=rewardForm][checked]").val()).isEqualTo("POINTS");
        assertThat(page.select("#rewards-points").text()).isEqualTo("CN¥0.00");
    }

    @Test
    void aSharerWhoseFormIsNoLongerOfferedIsToldWhatNewCommissionBecomes() throws Exception {
        TestCustomer lea = distributor("Lea Fallback");
        mvc.perform(post("/distribution/rewards/form").with(user(lea.principal())).with(csrf())
                .param("rewardForm", "POINTS")).andExpect(redirectedUrl("/distribution/rewards"));
        offer(EnumSet.of(RewardForm.STORE_CREDIT));

        Document page = page(lea, Locale.ENGLISH);
        assertThat(page.select("#reward-form-current").text()).isEqualTo("Now: Store credit");
        assertThat(page.select("#reward-form-not-offered").text())
                .startsWith("The shop no longer offers Points. New commission is credited as Store credit");
        assertThat(form(lea)).as("the choice itself is kept").isEqualTo("POINTS");
    }

    @Test
    void thePointsChoiceReadsInEveryLanguage() throws Exception {
        TestCustomer mei = distributor("Mei Languages");
        assertThat(page(mei, Locale.SIMPLIFIED_CHINESE).select("#reward-sample-POINTS").text())
                .contains("13.00").contains("的积分");
        assertThat(page(mei, Locale.TRADITIONAL_CHINESE).select("#reward-sample-POINTS").text()).contains("點數");
        assertThat(page(mei, Locale.forLanguageTag("fil")).select("#reward-sample-POINTS").text()).contains("puntos");
        assertThat(page(mei, Locale.ENGLISH).select("#reward-form-form").text()).contains("Points – +30 % in points");
    }
}

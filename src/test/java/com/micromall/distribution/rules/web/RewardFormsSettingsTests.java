package com.micromall.distribution.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.RewardForm;
import com.micromall.distribution.referral.RewardForms;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The owner offers reward forms and sets the points bonus on the distribution settings page. */
@MicromallTest
class RewardFormsSettingsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired RewardForms rewardForms;

    RewardForms.Rules original;

    @BeforeEach
    void startFromTheDefault() {
        original = rewardForms.current();
        rewardForms.change(new RewardForms.Rules(EnumSet.of(RewardForm.CASH, RewardForm.STORE_CREDIT),
                new BigDecimal("30")), "test");
    }

    @AfterEach
    void restore() {
        rewardForms.change(original, "test");
    }

    private Document page(MockHttpServletRequestBuilder request, Locale locale) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(OWNER).roles("OWNER")).locale(locale).param("lang", locale.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder save(String bonus, String... forms) {
        return post("/admin/settings/distribution/reward-forms").with(csrf()).param("forms", forms)
                .param("pointsBonusPercent", bonus);
    }

    private long auditLines(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.distribution' AND subject = :s AND actor = :a")
                .param("s", subject).param("a", OWNER).query(Long.class).single();
    }

    @Test
    void theSectionOffersEveryFormWithItsTradeOffAndTicksTheOfferedOnesInEveryLanguage() throws Exception {
        Document page = page(get("/admin/settings/distribution"), Locale.ENGLISH);
        assertThat(page.select("#reward-forms input[name=forms]").eachAttr("value"))
                .containsExactly("CASH", "STORE_CREDIT", "POINTS");
        assertThat(page.select("#reward-forms input[name=forms][checked]").eachAttr("value"))
                .containsExactly("CASH", "STORE_CREDIT");
        assertThat(page.select("#trade-off-CASH").text()).contains("Withdrawable").contains("full commission");
        assertThat(page.select("#trade-off-POINTS").text()).contains("+30 %");
        assertThat(page.select("#pointsBonusPercent").val()).isEqualTo("30");
        assertThat(page(get("/admin/settings/distribution"), Locale.SIMPLIFIED_CHINESE).select("#trade-off-POINTS").text())
                .contains("积分").contains("30");
        assertThat(page(get("/admin/settings/distribution"), Locale.TRADITIONAL_CHINESE).select("#trade-off-POINTS")
                .text()).contains("點數");
        assertThat(page(get("/admin/settings/distribution"), Locale.forLanguageTag("fil")).select("#trade-off-POINTS")
                .text()).contains("puntos");
    }

    @Test
    void theSameRulesPostedTwiceAreSavedAndAuditedOnce() throws Exception {
        long version = jdbc.sql("SELECT version FROM referral_reward_forms WHERE id = 1").query(Long.class).single();
        long formLines = auditLines("rewardForms");
        long bonusLines = auditLines("pointsBonusPercent");
        for (int i = 0; i < 2; i++) {
            mvc.perform(save("45", "CASH", "POINTS").with(user(OWNER).roles("OWNER")))
                    .andExpect(redirectedUrl("/admin/settings/distribution#reward-forms"));
        }
        RewardForms.Rules now = rewardForms.current();
        assertThat(now.allowed()).containsExactlyInAnyOrder(RewardForm.CASH, RewardForm.POINTS);
        assertThat(now.pointsBonusPercent()).isEqualByComparingTo("45");
        assertThat(jdbc.sql("SELECT version FROM referral_reward_forms WHERE id = 1").query(Long.class).single())
                .isEqualTo(version + 1);
        assertThat(auditLines("rewardForms")).isEqualTo(formLines + 1);
        assertThat(auditLines("pointsBonusPercent")).isEqualTo(bonusLines + 1);
    }

    @Test
    void twoTabsSavingTheSameRulesAtOnceChangeThemOnceAndTheAuditLogSaysWhatChangedInWords() throws Exception {
        long formLines = auditLines("rewardForms");
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                posts.add(pool.submit(() -> {
                    barrier.await();
                    return mvc.perform(save("30", "CASH", "POINTS").with(user(OWNER).roles("OWNER")))
                            .andReturn().getResponse().getStatus();
                }));
            }
            for (var post : posts) {
                assertThat(post.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(auditLines("rewardForms")).isEqualTo(formLines + 1);
        Document audit = page(get("/admin/audit"), Locale.ENGLISH);
        assertThat(audit.text()).contains("Reward forms offered").contains("Cash, Points");
    }

    @Test
    void noFormAtAllOrABonusOutsideZeroTo100IsRefusedWithTheInputKept() throws Exception {
        Document none = page(save("30"), Locale.ENGLISH);
        assertThat(none.select("#forms-error").text()).isEqualTo("Offer at least one reward form.");
        for (String bonus : new String[] {"101", "-1", "abc", "", "12.345"}) {
            Document page = page(save(bonus, "POINTS"), Locale.ENGLISH);
            assertThat(page.select("#pointsBonusPercent").val()).isEqualTo(bonus);
            assertThat(page.select("#pointsBonusPercent-error").text()).isEqualTo("Enter a percentage from 0 to 100.");
            assertThat(page.select("#reward-forms input[name=forms][checked]").eachAttr("value")).containsExactly("POINTS");
        }
        assertThat(rewardForms.current().allowed()).containsExactlyInAnyOrder(RewardForm.CASH, RewardForm.STORE_CREDIT);
    }

    @Test
    void onlyTheOwnerChangesTheFormsAndNeverWithoutTheCsrfToken() throws Exception {
        mvc.perform(save("30", "POINTS").with(user("someone@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/settings/distribution/reward-forms").param("forms", "POINTS")
                .param("pointsBonusPercent", "30").with(user(OWNER).roles("OWNER"))).andExpect(status().isForbidden());
        assertThat(rewardForms.current().allows(RewardForm.POINTS)).isFalse();
    }
}

package com.micromall.distribution.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** Runs in a rolled-back transaction: other tests keep the default rules. */
@MicromallTest
@Transactional
class AdminDistributionSettingsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired DistributionSettingsService settings;
    @Autowired JdbcClient jdbc;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder save(String level1, String level2, String days, String window,
                                                      String welcome, String budget) {
        return post("/admin/settings/distribution").with(csrf())
                .param("enrolmentRule", "EVERYONE").param("level1Percent", level1).param("level2Percent", level2)
                .param("attributionDays", days).param("returnWindowDays", window).param("welcomeKind", "PERCENT")
                .param("welcomeValue", welcome).param("welcomeCap", "").param("storeCreditBonusPercent", "20")
                .param("withdrawalMinimum", "10").param("withdrawalFeePercent", "1.5").param("monthlyBudget", budget)
                .param("shareTexts", "Try this shop: {link}\r\nMy favourite tea: {link}");
    }

    @Test
    void theFormShowsTheSavedRulesTheNoLevelThreeNoteAndTheSimulator() throws Exception {
        DistributionSettings current = settings.current();
        Document page = page(get("/admin/settings/distribution"));
        assertThat(page.select("#level1Percent").val())
                .isEqualTo(current.level1Percent().stripTrailingZeros().toPlainString());
        assertThat(page.select("#returnWindowDays option").eachAttr("value")).containsExactly("0", "7", "14", "30");
        assertThat(page.select("#no-level-three").text()).contains("no level 3");
        assertThat(page.select(".mm-admin-subnav a.active").attr("href")).isEqualTo("/admin/settings/distribution");
        assertThat(page.select("#sim-goods").text()).contains("100.00");
    }

    @Test
    void savingGoesThroughTheAuditedServiceAndKeepsEmptyBudgetAsNone() throws Exception {
        mvc.perform(save("12.5", "3", "45", "14", "15", "").with(user(OWNER).roles("OWNER")))
                .andExpect(redirectedUrl("/admin/settings/distribution"));
        DistributionSettings saved = settings.current();
        assertThat(saved.level1Percent()).isEqualByComparingTo("12.5");
        assertThat(saved.level2Percent()).isEqualByComparingTo("3");
        assertThat(saved.attributionDays()).isEqualTo(45);
        assertThat(saved.returnWindowDays()).isEqualTo(14);
        assertThat(saved.monthlyBudget()).isNull();
        assertThat(saved.shareTexts()).isEqualTo("Try this shop: {link}\nMy favourite tea: {link}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.distribution' AND actor = ?")
                .param(OWNER).query(Long.class).single()).isPositive();
    }

    @Test
    void valuesTheDatabaseWouldRefuseAreShownNextToTheirFieldsWithTheInputKept() throws Exception {
        DistributionSettings before = settings.current();
        Document page = page(save("101", "abc", "366", "5", "150", "-3"));
        assertThat(page.select("#level1Percent-error").text()).contains("0 to 100");
        assertThat(page.select("#level2Percent-error").text()).contains("0 to 100");
        assertThat(page.select("#attributionDays-error").text()).contains("1 to 365");
        assertThat(page.select("#returnWindowDays ~ .invalid-feedback").text()).contains("0, 7, 14 or 30");
        assertThat(page.select("#welcomeValue-error").text()).contains("more than 100");
        assertThat(page.select("#monthlyBudget-error").text()).contains("0 or more");
        assertThat(page.select("#level1Percent").val()).isEqualTo("101");
        assertThat(page.select("#level2Percent").val()).isEqualTo("abc");
        assertThat(page.select("#monthlyBudget").val()).isEqualTo("-3");
        assertThat(settings.current()).isEqualTo(before);
    }

    @Test
    void theSimulatorSaysWhatIsWrongWithItsInputInsteadOfFailing() throws Exception {
        assertThat(page(get("/admin/settings/distribution").param("basket", "lots")).select("#sim-error").text())
                .contains("amount");
        assertThat(page(get("/admin/settings/distribution").param("product", "999999999")).select("#sim-error").text())
                .contains("not in the shop");
        assertThat(page(get("/admin/settings/distribution").param("quantity", "0")).select("#sim-error").text())
                .contains("quantity");
    }

    @Test
    void customersCannotOpenOrSaveTheDistributionSettings() throws Exception {
        mvc.perform(get("/admin/settings/distribution").with(user("someone@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(save("50", "0", "30", "7", "10", "").with(user("someone@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void savingWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/settings/distribution").param("level1Percent", "50")
                .with(user(OWNER).roles("OWNER"))).andExpect(status().isForbidden());
    }
}

package com.micromall.distribution.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.support.MicromallTest;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The owner's tiers page: saving, a double submit, mistakes shown with the input kept, CSRF and staff kept out. */
@MicromallTest
class AdminTiersPageTests {

    static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DistributorTiers tiers;

    @AfterEach
    void clear() {
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(), "test");
    }

    private static MockHttpServletRequestBuilder threeTiers() {
        return post("/admin/distribution/tiers").with(user(OWNER).roles("OWNER")).with(csrf())
                .param("measure", "REVENUE").param("windowDays", "90")
                .param("tiers[0].name", "Bronze").param("tiers[0].threshold", "0").param("tiers[0].level1Percent", "10")
                .param("tiers[1].name", "Silver").param("tiers[1].threshold", "500").param("tiers[1].level1Percent", "12")
                .param("tiers[2].name", "Gold").param("tiers[2].threshold", "2000,00").param("tiers[2].level1Percent", "15")
                .param("tiers[2].level2Percent", "4")
                .param("tiers[3].name", "").param("tiers[3].threshold", "").param("tiers[3].level1Percent", "");
    }

    private long auditRows() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'distribution.tiers' AND actor = :a")
                .param("a", OWNER).query(Long.class).single();
    }

    @Test
    void theSameTiersFormPostedTwiceSavesOnce() throws Exception {
        long auditBefore = auditRows();

        mvc.perform(threeTiers()).andExpect(redirectedUrl("/admin/distribution/tiers"))
                .andExpect(flash().attribute("flashSuccess", "admin.tiers.saved"));
        List<Long> ids = tiers.scheme().tiers().stream().map(DistributorTiers.Tier::id).toList();
        mvc.perform(threeTiers()).andExpect(redirectedUrl("/admin/distribution/tiers"))
                .andExpect(flash().attribute("flashSuccess", "admin.tiers.unchanged"));

        DistributorTiers.Scheme scheme = tiers.scheme();
        assertThat(scheme.measure()).isEqualTo(DistributorTiers.Measure.REVENUE);
        assertThat(scheme.tiers()).extracting(DistributorTiers.Tier::name).containsExactly("Bronze", "Silver", "Gold");
        assertThat(scheme.tiers()).extracting(DistributorTiers.Tier::id).isEqualTo(ids);
        assertThat(scheme.tiers().get(2).threshold()).isEqualByComparingTo("2000");
        assertThat(scheme.tiers().get(2).level2Percent()).isEqualByComparingTo("4");
        assertThat(auditRows()).isEqualTo(auditBefore + 1);
    }

    @Test
    void thresholdsThatDoNotRiseAndRatesAboveFiftyAreShownNextToTheirFieldsWithTheInputKept() throws Exception {
        String html = mvc.perform(post("/admin/distribution/tiers").with(user(OWNER).roles("OWNER")).with(csrf())
                        .locale(Locale.ENGLISH)
                        .param("measure", "FIRST_ORDERS").param("windowDays", "400")
                        .param("tiers[0].name", "Silver").param("tiers[0].threshold", "5").param("tiers[0].level1Percent", "12")
                        .param("tiers[1].name", "Gold").param("tiers[1].threshold", "5").param("tiers[1].level1Percent", "51")
                        .param("tiers[2].name", "Platinum").param("tiers[2].threshold", "2.5").param("tiers[2].level1Percent", "20"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("#windowDays-error").text()).isEqualTo("Enter a number of days from 1 to 365.");
        assertThat(page.select("#tier-row-1 .invalid-feedback").eachText()).containsExactly(
                "Each tier must start above the tier before it.", "Enter a percentage from 0 to 50 (at most two decimals).");
        assertThat(page.select("#tier-row-2 .invalid-feedback").eachText())
                .containsExactly("Enter a whole number of first orders (0 or more).");
        assertThat(page.select("input[name='tiers[1].level1Percent']").val()).isEqualTo("51");
        assertThat(page.select("input[name='tiers[2].name']").val()).isEqualTo("Platinum");
        assertThat(page.select("input[name='windowDays']").val()).isEqualTo("400");
        assertThat(page.select("fieldset.mm-tier-row")).hasSize(DistributorTiers.MAX_TIERS);
        assertThat(tiers.scheme().tiers()).isEmpty();
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post("/admin/distribution/tiers").with(user(OWNER).roles("OWNER"))
                        .param("measure", "FIRST_ORDERS").param("windowDays", "90")
                        .param("tiers[0].name", "Silver").param("tiers[0].threshold", "1").param("tiers[0].level1Percent", "12"))
                .andExpect(status().isForbidden());
        assertThat(tiers.scheme().tiers()).isEmpty();
    }

    @Test
    void staffCannotOpenOrSaveTheTiers() throws Exception {
        mvc.perform(get("/admin/distribution/tiers").with(user("staff@example.com").roles("STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(threeTiers().with(user("staff@example.com").roles("STAFF"))).andExpect(status().isForbidden());
        assertThat(tiers.scheme().tiers()).isEmpty();
    }

    @Test
    void theSimulatorShowsTheSameOrderForEachTier() throws Exception {
        mvc.perform(threeTiers());
        Document page = Jsoup.parse(mvc.perform(get("/admin/settings/distribution").param("basket", "100")
                        .with(user(OWNER).roles("OWNER")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#sim-tiers tbody th").eachText()).containsExactly("Bronze (10 %)", "Silver (12 %)",
                "Gold (15 %)");
    }
}

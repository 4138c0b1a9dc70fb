package com.micromall.distribution.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The owner's experiment pages: starting (validated, a double submit starts one, a second tab is told one runs),
 * the results page, ending with adoption in one click (a second click changes nothing), staff kept out, and the
 * dashboard's share-action beacon (CSRF-checked, counted for the distributor's arm).
 */
@MicromallTest
class AdminExperimentsPageTests {

    static final String OWNER = "owner@demo.micromall";
    static final String PATH = "/admin/distribution/experiments";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired Experiments experiments;
    @Autowired DistributionSettingsService settings;

    DistributionSettings original;
    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        experiments.running().ifPresent(e -> experiments.end(e.id(), null, "test"));
    }

    @AfterEach
    void restore() {
        experiments.running().ifPresent(e -> experiments.end(e.id(), null, "test"));
        settings.update(original, "test");
    }

    private static MockHttpServletRequestBuilder startForm(String token) {
        return post(PATH).with(user(OWNER).roles("OWNER")).with(csrf()).locale(Locale.ENGLISH)
                .param("token", token).param("name", "Spring rates").param("population", "NEW")
                .param("marginPercent", "40")
                .param("arms[0].level1Percent", "10").param("arms[0].welcomeKind", "").param("arms[0].welcomeValue", "")
                .param("arms[1].level1Percent", "12,5").param("arms[1].welcomeKind", "FIXED").param("arms[1].welcomeValue", "5.00")
                .param("arms[2].level1Percent", "").param("arms[2].welcomeKind", "").param("arms[2].welcomeValue", "");
    }

    @Test
    void theSameStartFormPostedTwiceStartsOneExperimentAndASecondTabIsToldOneRuns() throws Exception {
        String token = UUID.randomUUID().toString();
        String first = mvc.perform(startForm(token)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "admin.experiments.started"))
                .andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(startForm(token)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first);
        Experiments.Experiment started = experiments.running().orElseThrow();
        assertThat(first).isEqualTo(PATH + "/" + started.id());
        assertThat(started.arms()).hasSize(2);
        assertThat(started.arms().get(1).level1Percent()).isEqualByComparingTo("12.5");
        assertThat(started.arms().get(1).welcomeValue()).isEqualByComparingTo("5.00");

        Document other = Jsoup.parse(mvc.perform(startForm(UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(other.select(".alert-danger").text()).contains("Another experiment is already running");
        assertThat(other.select("#name").val()).isEqualTo("Spring rates");

        Document page = Jsoup.parse(mvc.perform(get(first).with(user(OWNER).roles("OWNER")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#arm-A")).hasSize(1);
        assertThat(page.select("#arm-B").text()).contains("12.5 % level 1").contains("friend gets");
        assertThat(page.select("#formula").text()).contains("referred revenue × 40 % gross margin − commission − discount cost");
        assertThat(page.select("#reading li")).isNotEmpty();
    }

    @Test
    void mistakesAreShownNextToTheirFieldsWithTheInputKept() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post(PATH).with(user(OWNER).roles("OWNER")).with(csrf())
                        .locale(Locale.ENGLISH).param("token", UUID.randomUUID().toString())
                        .param("name", "").param("population", "NEW").param("marginPercent", "abc")
                        .param("arms[0].level1Percent", "60").param("arms[1].level1Percent", "")
                        .param("arms[1].welcomeKind", "").param("arms[1].welcomeValue", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#name-error").text()).contains("name");
        assertThat(page.select("#marginPercent").val()).isEqualTo("abc");
        assertThat(page.select("#marginPercent-error").text()).contains("gross margin");
        assertThat(page.select("#arms0\\.level1Percent").val()).isEqualTo("60");
        assertThat(page.select("#arm-row-0 .invalid-feedback").text()).contains("0 to 50 %");
        assertThat(page.select("#arm-row-1 .invalid-feedback").text()).contains("percent or fixed amount");
        assertThat(experiments.running()).isEmpty();
    }

    @Test
    void endingAndAdoptingIsOneClickAndASecondClickChangesNothing() throws Exception {
        long id = experiments.start(new Experiments.Start("Adopt page", Experiments.Population.NEW, new BigDecimal("40"),
                java.util.List.of(new Experiments.ArmDraft(new BigDecimal("10"), null, null, null),
                        new Experiments.ArmDraft(new BigDecimal("13"), null, null, null)),
                UUID.randomUUID().toString(), 1L), "test");
        long armB = experiments.find(id).orElseThrow().arms().get(1).id();
        MockHttpServletRequestBuilder adopt = post(PATH + "/" + id + "/end").with(user(OWNER).roles("OWNER")).with(csrf())
                .param("adopt", Long.toString(armB));
        mvc.perform(adopt).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "admin.experiments.adopted"));
        assertThat(settings.current().level1Percent()).isEqualByComparingTo("13");
        // The audit log reads the adoption in words, linked to the experiment.
        Document audit = Jsoup.parse(mvc.perform(get("/admin/audit").with(user(OWNER).roles("OWNER")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(audit.text()).contains("Rate experiment ended").contains("ended, arm B adopted");
        assertThat(audit.select("a[href=" + PATH + "/" + id + "]")).isNotEmpty();
        settings.update(original, "test");
        mvc.perform(adopt).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "admin.experiments.alreadyEnded"));
        assertThat(settings.current().level1Percent()).isEqualByComparingTo(original.level1Percent());
        // An arm of no such experiment is not found.
        mvc.perform(post(PATH + "/" + id + "/end").with(user(OWNER).roles("OWNER")).with(csrf()).param("adopt", "-1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffCannotOpenStartOrEndExperiments() throws Exception {
        var staff = user("staff@example.com").roles("STAFF");
        mvc.perform(get(PATH).with(staff)).andExpect(status().isForbidden());
        mvc.perform(get(PATH + "/new").with(staff)).andExpect(status().isForbidden());
        mvc.perform(startForm(UUID.randomUUID().toString()).with(staff)).andExpect(status().isForbidden());
        mvc.perform(post(PATH + "/1/end").with(staff).with(csrf())).andExpect(status().isForbidden());
        assertThat(experiments.running()).isEmpty();
    }

    @Test
    void theDashboardsShareActionsAreCountedForTheDistributorsArmAndNeedTheCsrfToken() throws Exception {
        long id = experiments.start(new Experiments.Start("Shares", Experiments.Population.NEW, new BigDecimal("40"),
                java.util.List.of(new Experiments.ArmDraft(new BigDecimal("10"), null, null, null),
                        new Experiments.ArmDraft(new BigDecimal("12"), null, null, null)),
                UUID.randomUUID().toString(), 9L), "test");
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Share Sam"));
        String code = jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", sharer.id())
                .query(String.class).single();
        Arm arm = experiments.assign(sharer.id(), code).orElseThrow();

        mvc.perform(post("/distribution/share-actions").with(user(sharer.principal())).param("kind", "LINK"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/distribution/share-actions").with(user(sharer.principal())).with(csrf()).param("kind", "LINK"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/distribution/share-actions").with(user(sharer.principal())).with(csrf()).param("kind", "QR"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/distribution/share-actions").with(user(sharer.principal())).with(csrf()).param("kind", "nonsense"))
                .andExpect(status().isBadRequest());

        ExperimentResults.ArmResult result = results(id).arms().stream()
                .filter(a -> a.arm().id() == arm.id()).findFirst().orElseThrow();
        assertThat(result.shareActions()).isEqualTo(2);
        assertThat(result.distributors()).isEqualTo(1);
    }

    @Autowired ExperimentResults resultsService;

    private ExperimentResults.Results results(long id) {
        return resultsService.of(id).orElseThrow();
    }
}

package com.micromall.settings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.support.MicromallTest;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The shop's time zone on the owner's settings page; each test is rolled back. */
@MicromallTest
@Transactional
class ShopTimeZoneSettingsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired ShopSettingsService settings;
    @Autowired ShopTime shopTime;
    @Autowired JdbcClient jdbc;

    /**
     * The test framework gives each test method a request of its own, where the settings would be kept from the
     * first read; the test reads them as code outside a request does, fresh after each POST.
     */
    @BeforeEach
    void readSettingsOutsideARequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aShopThatNeverChoseAZoneLivesInItsCurrencysRegion() throws Exception {
        assertThat(settings.current().chosenTimeZone()).isNull();
        assertThat(shopTime.zone()).as("the demo shop sells in CNY").isEqualTo(ZoneId.of("Asia/Shanghai"));

        mvc.perform(save("USD", "")).andExpect(redirectedUrl("/admin/settings"));
        assertThat(settings.current().chosenTimeZone()).isNull();
        assertThat(shopTime.zone()).isEqualTo(ZoneId.of("America/New_York"));

        mvc.perform(save("PHP", "")).andExpect(redirectedUrl("/admin/settings"));
        assertThat(shopTime.zone()).isEqualTo(ZoneId.of("Asia/Manila"));

        Document page = settingsPage();
        assertThat(page.select("#timeZone option[selected]").val()).as("'from the currency' stays selected").isEmpty();
        assertThat(page.select("#timeZone option[value=]").text()).contains("Asia/Manila", "+08:00");
    }

    @Test
    void theCurrencyMapIsTheOneTheShopsRegionsExpect() {
        assertThat(java.util.stream.Stream.of("CNY", "TWD", "HKD", "PHP", "SGD", "USD", "EUR", "GBP", "JPY", "CHF")
                .map(code -> ShopSettings.defaultTimeZone(java.util.Currency.getInstance(code)).getId()))
                .containsExactly("Asia/Shanghai", "Asia/Taipei", "Asia/Hong_Kong", "Asia/Manila", "Asia/Singapore",
                        "America/New_York", "Europe/Berlin", "Europe/London", "Asia/Tokyo", "UTC");
    }

    @Test
    void aChosenZoneStaysWhenTheCurrencyChanges() throws Exception {
        mvc.perform(save("CNY", "Europe/London")).andExpect(redirectedUrl("/admin/settings"));
        assertThat(shopTime.zone()).isEqualTo(ZoneId.of("Europe/London"));

        mvc.perform(save("USD", "Europe/London")).andExpect(redirectedUrl("/admin/settings"));
        assertThat(settings.current().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(shopTime.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(settingsPage().select("#timeZone option[selected]").val()).isEqualTo("Europe/London");
    }

    @Test
    void theSameFormPostedTwiceChangesTheZoneOnceAndAuditsItOnce() throws Exception {
        int before = timeZoneAuditLines();
        mvc.perform(save("CNY", "Asia/Manila")).andExpect(redirectedUrl("/admin/settings"));
        mvc.perform(save("CNY", "Asia/Manila")).andExpect(redirectedUrl("/admin/settings"));

        assertThat(settings.current().chosenTimeZone()).isEqualTo(ZoneId.of("Asia/Manila"));
        assertThat(timeZoneAuditLines() - before).isEqualTo(1);
        Document audit = Jsoup.parse(mvc.perform(get("/admin/audit").param("lang", "en").with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(audit.text()).contains("Time zone", "From the currency", "Asia/Manila");
    }

    private int timeZoneAuditLines() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'settings.shop' AND subject = 'timeZone'")
                .query(Integer.class).single();
    }

    private Document settingsPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/settings").param("lang", "en").with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletRequestBuilder save(String currency, String timeZone) {
        ShopSettings current = settings.current();
        return post("/admin/settings").param("lang", "en").with(csrf()).with(user(OWNER).roles("OWNER"))
                .param("shopName", current.shopName()).param("currency", currency)
                .param("contactEmail", "")
                .param("shippingFee", current.shippingFee().amount().toPlainString())
                .param("timeZone", timeZone);
    }
}

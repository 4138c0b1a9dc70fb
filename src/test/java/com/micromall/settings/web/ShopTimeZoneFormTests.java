package com.micromall.settings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.settings.AuditLog;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The time zone field of the owner's settings form, on the web layer alone: what reaches the service, and what the
 * owner sees when the zone is not one the shop knows. Only this module's web beans and the shop's security load.
 */
@WebMvcTest(controllers = AdminSettingsController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.shared\\.web\\.(SecurityConfiguration|LanguageConfiguration)"),
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.(order|distribution|catalog|customer|care|loyalty|groupbuy)\\..*"))
class ShopTimeZoneFormTests {

    private static final ShopSettings YUAN_SHOP = new ShopSettings("Micromall", Currency.getInstance("CNY"), null, null,
            Money.of("10.00", "CNY"), null);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired MockMvc mvc;
    @MockitoBean ShopSettingsService settings;
    @MockitoBean AuditLog auditLog;
    @MockitoBean PaymentInstructionsService paymentInstructions;
    @MockitoBean AuditLines auditLines;

    @BeforeEach
    void aYuanShop() {
        given(settings.current()).willReturn(YUAN_SHOP);
        given(settings.problemsSwitchingTo(any())).willReturn(List.of());
        given(paymentInstructions.all()).willReturn(List.of());
    }

    @Test
    void anUnknownZoneIsRefusedNextToTheFieldWithTheOwnersInputKept() throws Exception {
        Document page = Jsoup.parse(mvc.perform(save("Europe/Atlantis").param("contactEmail", "hello@anna.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#timeZone ~ .invalid-feedback").text()).isEqualTo("Please choose a time zone from the list.");
        assertThat(page.select("#timeZone option[selected]").val()).isEqualTo("Europe/Atlantis");
        assertThat(page.select("#contactEmail").val()).isEqualTo("hello@anna.example");
        verify(settings, never()).update(any(), anyString());
    }

    @Test
    void anOffsetOrFreeTextIsNotAZoneEither() throws Exception {
        for (String notAZone : List.of("+08:00", "GMT+8", "Shanghai", "<script>")) {
            Document page = Jsoup.parse(mvc.perform(save(notAZone))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("#timeZone ~ .invalid-feedback").text()).as(notAZone).isNotEmpty();
        }
        verify(settings, never()).update(any(), anyString());
    }

    @Test
    void aListedZoneIsPassedOnAndAnEmptyChoiceLetsTheCurrencyDecide() throws Exception {
        mvc.perform(save("Asia/Manila")).andExpect(redirectedUrl("/admin/settings"));
        mvc.perform(save("")).andExpect(redirectedUrl("/admin/settings"));

        ArgumentCaptor<ShopSettingsChange> changes = ArgumentCaptor.forClass(ShopSettingsChange.class);
        verify(settings, org.mockito.Mockito.times(2)).update(changes.capture(), anyString());
        assertThat(changes.getAllValues()).extracting(ShopSettingsChange::timeZone)
                .containsExactly(ZoneId.of("Asia/Manila"), null);
    }

    @Test
    void theFormOffersTheCurrencysZoneFirstWithItsOffset() throws Exception {
        Document page = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/admin/settings").param("lang", "en").with(user("owner@demo.micromall").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#timeZone option").first().text()).isEqualTo("Asia/Shanghai (UTC+08:00), from the currency");
        assertThat(page.select("#timeZone option[selected]").val()).isEmpty();
        assertThat(page.select("#timeZone option").eachAttr("value")).contains("UTC", "Europe/London", "America/New_York");
    }

    @Test
    void onlyTheOwnerMayChangeTheZone() throws Exception {
        mvc.perform(post("/admin/settings").with(csrf()).with(user("anna@demo.micromall").roles("CUSTOMER"))
                .param("timeZone", "UTC")).andExpect(status().isForbidden());
        verify(settings, never()).update(any(), anyString());
    }

    private static MockHttpServletRequestBuilder save(String timeZone) {
        return post("/admin/settings").param("lang", "en").with(csrf()).with(user("owner@demo.micromall").roles("OWNER"))
                .param("shopName", "Micromall").param("currency", "CNY").param("contactPhone", "").param("shippingFee", "10.00").param("timeZone", timeZone);
    }
}

package com.micromall.distribution.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.policy.DistributorTiers.Measure;
import com.micromall.distribution.policy.DistributorTiers.TierDraft;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.util.Currency;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The owner's tiers form on the web layer alone: what a mistake shows, what reaches {@link DistributorTiers}, and who
 * may post. {@link AdminTiersPageTests} covers the same mistakes (and the double submit) against the real database;
 * this slice pins the controller's side of them without booting the shop.
 */
@WebMvcTest(controllers = AdminTiersController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.shared\\.web\\.(SecurityConfiguration|LanguageConfiguration)"),
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.(?!distribution\\.policy\\.web\\.)(order|distribution|catalog|customer|care|loyalty|groupbuy)\\..*"))
class TiersFormSliceTests {

    static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @MockitoBean DistributorTiers tiers;
    @MockitoBean DistributionSettingsService settings;
    @MockitoBean ShopSettingsService shopSettings;

    @BeforeEach
    void noTiersYet() {
        given(tiers.scheme()).willReturn(new DistributorTiers.Scheme(Measure.FIRST_ORDERS, 90, List.of()));
        given(settings.current()).willReturn(new DistributionSettings(DistributionSettings.EnrolmentRule.EVERYONE,
                new BigDecimal("10"), new BigDecimal("3"), 30, 7, DistributionSettings.WelcomeKind.PERCENT,
                new BigDecimal("5"), null, BigDecimal.ZERO, new BigDecimal("10"), BigDecimal.ZERO, null, null));
        given(shopSettings.current()).willReturn(new ShopSettings("Micromall", Currency.getInstance("CNY"), null, null,
                Money.of("10.00", "CNY"), null));
        given(tiers.replace(any(), anyInt(), anyList(), anyString())).willReturn(true);
    }

    @Test
    void aRateAboveFiftyAndAFallingThresholdAreShownNextToTheirFieldsWithTheInputKept() throws Exception {
        Document page = Jsoup.parse(mvc.perform(twoTiers("Gold", "5", "51"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#tier-row-1 .invalid-feedback").eachText()).containsExactly(
                "Each tier must start above the tier before it.", "Enter a percentage from 0 to 50 (at most two decimals).");
        assertThat(page.select("input[name='tiers[1].level1Percent']").val()).isEqualTo("51");
        assertThat(page.select("input[name='tiers[1].name']").val()).isEqualTo("Gold");
        assertThat(page.select("fieldset.mm-tier-row")).hasSize(DistributorTiers.MAX_TIERS);
        verify(tiers, never()).replace(any(), anyInt(), anyList(), anyString());
    }

    @Test
    void aGoodFormReachesTheTiersOnceAndRedirects() throws Exception {
        mvc.perform(twoTiers("Gold", "20", "15,5")).andExpect(redirectedUrl("/admin/distribution/tiers"))
                .andExpect(flash().attribute("flashSuccess", "admin.tiers.saved"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<TierDraft>> drafts = ArgumentCaptor.forClass(List.class);
        verify(tiers, times(1)).replace(eq(Measure.FIRST_ORDERS), eq(90), drafts.capture(), eq(OWNER));
        assertThat(drafts.getValue()).extracting(TierDraft::name).containsExactly("Silver", "Gold");
        assertThat(drafts.getValue().get(1).level1Percent()).isEqualByComparingTo("15.5");
        assertThat(drafts.getValue().get(1).level2Percent()).isNull();
    }

    @Test
    void aCustomerOrStaffMemberIsRefused() throws Exception {
        mvc.perform(twoTiers("Gold", "20", "15").with(user("anna@demo.micromall").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(twoTiers("Gold", "20", "15").with(user("staff@demo.micromall").roles("STAFF")))
                .andExpect(status().isForbidden());
        verify(tiers, never()).replace(any(), anyInt(), anyList(), anyString());
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post(AdminTiersController.PATH).with(user(OWNER).roles("OWNER")).param("measure", "FIRST_ORDERS")
                        .param("windowDays", "90").param("tiers[0].name", "Silver").param("tiers[0].threshold", "1")
                        .param("tiers[0].level1Percent", "12"))
                .andExpect(status().isForbidden());
        verify(tiers, never()).replace(any(), anyInt(), anyList(), anyString());
    }

    private static MockHttpServletRequestBuilder twoTiers(String secondName, String secondThreshold, String secondRate) {
        return post(AdminTiersController.PATH).param("lang", "en").with(csrf()).with(user(OWNER).roles("OWNER"))
                .param("measure", "FIRST_ORDERS").param("windowDays", "90")
                .param("tiers[0].name", "Silver").param("tiers[0].threshold", "5").param("tiers[0].level1Percent", "12")
                .param("tiers[1].name", secondName).param("tiers[1].threshold", secondThreshold)
                .param("tiers[1].level1Percent", secondRate);
    }
}

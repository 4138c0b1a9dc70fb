package com.micromall.distribution.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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

import com.micromall.catalog.ProductApi;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.referral.BindingModes;
import com.micromall.distribution.referral.RewardForms;
import com.micromall.distribution.rules.PayoutWarnings;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;
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
 * The owner's distribution rules form on the web layer alone: values the table would refuse are shown next to their
 * fields with the input kept, a good form reaches {@link DistributionSettingsService} once, and only the owner may
 * post. {@link AdminDistributionSettingsTests} covers the same bad values, the customer's 403 and the CSRF refusal
 * against the real settings table; this slice pins the controller's side without booting the shop.
 */
@WebMvcTest(controllers = AdminDistributionSettingsController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.shared\\.web\\.(SecurityConfiguration|LanguageConfiguration|MoneyFormat)"),
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.(?!distribution\\.rules\\.web\\.)(order|distribution|catalog|customer|care|loyalty|groupbuy)\\..*"))
class DistributionSettingsFormSliceTests {

    static final String OWNER = "owner@demo.micromall";
    static final DistributionSettings SAVED = new DistributionSettings(EnrolmentRule.EVERYONE, new BigDecimal("10"),
            new BigDecimal("3"), 30, 7, WelcomeKind.PERCENT, new BigDecimal("5"), null, BigDecimal.ZERO,
            new BigDecimal("10"), BigDecimal.ZERO, null, null);

    @Autowired MockMvc mvc;
    @MockitoBean DistributionSettingsService settings;
    @MockitoBean ShopSettingsService shop;
    @MockitoBean ProductApi products;
    @MockitoBean PayoutWarnings payoutWarnings;
    @MockitoBean DistributorTiers tiers;
    @MockitoBean BindingModes bindingModes;
    @MockitoBean RewardForms rewardForms;

    @BeforeEach
    void theShopsCurrentRules() {
        given(settings.current()).willReturn(SAVED);
        given(shop.current()).willReturn(new ShopSettings("Micromall", Currency.getInstance("CNY"), null, null,
                Money.of("10.00", "CNY"), null));
        given(tiers.scheme()).willReturn(new DistributorTiers.Scheme(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of()));
        given(bindingModes.current()).willReturn(new BindingModes.BindingMode(BindingModes.Mode.PERMANENT, 0));
        given(rewardForms.current()).willReturn(new RewardForms.Rules(Set.of(RewardForm.CASH), BigDecimal.ZERO));
    }

    @Test
    void valuesTheTableWouldRefuseAreShownNextToTheirFieldsWithTheInputKeptAndNothingSaved() throws Exception {
        Document page = page(save("101", "abc", "366", "5", "150", "-3"));

        assertThat(page.select("#level1Percent-error").text()).isEqualTo("Enter a percentage from 0 to 100 (at most two decimals).");
        assertThat(page.select("#level2Percent-error").text()).isEqualTo("Enter a percentage from 0 to 100 (at most two decimals).");
        assertThat(page.select("#attributionDays-error").text()).isEqualTo("Enter a number of days from 1 to 365.");
        assertThat(page.select("#returnWindowDays ~ .invalid-feedback").text()).isEqualTo("Choose 0, 7, 14 or 30 days.");
        assertThat(page.select("#welcomeValue-error").text()).isEqualTo("A percentage cannot be more than 100.");
        assertThat(page.select("#monthlyBudget-error").text()).isEqualTo("Enter an amount of 0 or more (at most two decimals).");
        assertThat(page.select("#level1Percent").val()).isEqualTo("101");
        assertThat(page.select("#level2Percent").val()).isEqualTo("abc");
        assertThat(page.select("#monthlyBudget").val()).isEqualTo("-3");
        verify(settings, never()).update(any(), anyString());
    }

    @Test
    void aGoodFormIsSavedOnceAsTypedAndRedirects() throws Exception {
        mvc.perform(save("12,5", "0", "45", "14", "8", "").with(user(OWNER).roles("OWNER")))
                .andExpect(redirectedUrl("/admin/settings/distribution"))
                .andExpect(flash().attribute("flashSuccess", "admin.distribution.saved"));

        ArgumentCaptor<DistributionSettings> saved = ArgumentCaptor.forClass(DistributionSettings.class);
        verify(settings, times(1)).update(saved.capture(), eq(OWNER));
        assertThat(saved.getValue().level1Percent()).isEqualByComparingTo("12.5");
        assertThat(saved.getValue().levelTwoOn()).isFalse();
        assertThat(saved.getValue().attributionDays()).isEqualTo(45);
        assertThat(saved.getValue().returnWindowDays()).isEqualTo(14);
        assertThat(saved.getValue().monthlyBudget()).isNull();
        assertThat(saved.getValue().shareTexts()).isEqualTo("Try this shop: {link}\nMy favourite tea: {link}");
    }

    @Test
    void customersAndStaffAreRefused() throws Exception {
        mvc.perform(save("12", "3", "30", "7", "5", "").with(user("anna@demo.micromall").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(save("12", "3", "30", "7", "5", "").with(user("staff@demo.micromall").roles("STAFF")))
                .andExpect(status().isForbidden());
        verify(settings, never()).update(any(), anyString());
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post("/admin/settings/distribution").with(user(OWNER).roles("OWNER"))
                        .param("enrolmentRule", "EVERYONE").param("level1Percent", "12"))
                .andExpect(status().isForbidden());
        verify(settings, never()).update(any(), anyString());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder save(String level1, String level2, String days, String window,
                                                      String welcome, String budget) {
        return post("/admin/settings/distribution").param("lang", "en").with(csrf())
                .param("enrolmentRule", "EVERYONE").param("level1Percent", level1).param("level2Percent", level2)
                .param("attributionDays", days).param("returnWindowDays", window).param("welcomeKind", "PERCENT")
                .param("welcomeValue", welcome).param("welcomeCap", "").param("storeCreditBonusPercent", "20")
                .param("withdrawalMinimum", "10").param("withdrawalFeePercent", "1.5").param("monthlyBudget", budget)
                .param("shareTexts", "Try this shop: {link}\r\nMy favourite tea: {link}");
    }
}

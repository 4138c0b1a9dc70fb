package com.micromall.settings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** Each test runs in a transaction that is rolled back: other tests keep seeing the default shop. */
@MicromallTest
@Transactional
class AdminSettingsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired
    MockMvc mvc;

    @Autowired
    ShopSettingsService settings;

    @Test
    void theFormShowsTheCurrentSettings() throws Exception {
        ShopSettings current = settings.current();
        Document page = Jsoup.parse(mvc.perform(get("/admin/settings").with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#shopName").val()).isEqualTo(current.shopName());
        assertThat(page.select("#currency option[selected]").val()).isEqualTo(current.currency().getCurrencyCode());
        assertThat(page.select("#currency option").eachAttr("value"))
                .containsExactly("CNY", "HKD", "TWD", "PHP", "USD", "EUR", "JPY");
        assertThat(page.select(".mm-admin-nav a.active").attr("href")).isEqualTo("/admin/settings");
    }

    @Test
    void eachInvalidFieldGetsItsMessageAndTheInputIsKept() throws Exception {
        ShopSettings before = settings.current();
        Document page = Jsoup.parse(mvc.perform(save("", "XYZ", "not-mail", "12", "-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#shopName-error").text()).isEqualTo("Please enter the name of the shop.");
        assertThat(page.select("#currency ~ .invalid-feedback").text()).contains("listed currencies");
        assertThat(page.select("#contactEmail-error").text()).isEqualTo("Please enter a valid e-mail address.");
        assertThat(page.select("#shippingFee ~ .invalid-feedback").text()).contains("0 or more");
        assertThat(page.select("#shippingFee").val()).isEqualTo("-1");
        assertThat(page.select("#contactEmail").val()).isEqualTo("not-mail");
        assertThat(settings.current()).isEqualTo(before);

        Document words = Jsoup.parse(mvc.perform(save("Shop", "CNY", "", "", "ten"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(words.select("#shippingFee ~ .invalid-feedback").text()).contains("0 or more");
    }

    @Test
    void theShippingFeeMayNotHaveMoreDecimalsThanTheCurrency() throws Exception {
        Document yen = Jsoup.parse(mvc.perform(save("Tokyo Shop", "JPY", "", "", "500.50"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(yen.select("#shippingFee ~ .invalid-feedback").text()).isEqualTo("JPY allows only whole amounts, without decimals.");
        Document yuan = Jsoup.parse(mvc.perform(save("Shanghai Shop", "CNY", "", "", "8.505"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(yuan.select("#shippingFee ~ .invalid-feedback").text()).isEqualTo("CNY allows at most 2 decimal places.");

        // A whole fee fits JPY; whether the shop may switch also depends on its prices (CurrencyChangeTests).
        var whole = mvc.perform(save("Tokyo Shop", "JPY", "", "", "500")).andReturn().getResponse();
        if (whole.getStatus() == 200) {
            assertThat(Jsoup.parse(whole.getContentAsString()).select("#shippingFee ~ .invalid-feedback").text()).isEmpty();
        } else {
            assertThat(whole.getRedirectedUrl()).isEqualTo("/admin/settings");
            assertThat(settings.current().shippingFee()).isEqualTo(Money.of("500", "JPY"));
        }
    }

    @Test
    void savedSettingsAreAuditedWithTheOwnerAndShownOnTheAuditPage() throws Exception {
        mvc.perform(save("Anna's Beauty Studio", "HKD", "hello@anna.example", "+852 1234 5678", "25.5"))
                .andExpect(redirectedUrl("/admin/settings"))
                .andExpect(flash().attribute("flashSuccess", "settings.shop.saved"));

        ShopSettings after = settings.current();
        assertThat(after.shopName()).isEqualTo("Anna's Beauty Studio");
        assertThat(after.shippingFee()).isEqualTo(Money.of("25.50", "HKD"));
        assertThat(after.contactPhone()).isEqualTo("+852 1234 5678");

        Document audit = Jsoup.parse(mvc.perform(get("/admin/audit").with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(audit.select("#audit-table tbody tr").eachText())
                .anySatisfy(line -> assertThat(line).contains(OWNER).contains("Shop name").contains("Anna's Beauty Studio"))
                .anySatisfy(line -> assertThat(line).contains("Currency").contains("HKD"))
                .anySatisfy(line -> assertThat(line).contains("Shipping fee").contains("25.50"));
        assertThat(audit.select(".mm-admin-nav a.active").attr("href")).isEqualTo("/admin/audit");

        String chinese = mvc.perform(get("/admin/audit").cookie(new Cookie("micromall_lang", "zh-CN"))
                .with(user(OWNER).roles("OWNER"))).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("店铺名称").contains("审计日志");
    }

    @Test
    void savingWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/settings").with(user(OWNER).roles("OWNER")).param("shopName", "Hijacked")
                        .param("currency", "CNY").param("shippingFee", "0"))
                .andExpect(status().isForbidden());
        assertThat(settings.current().shopName()).isNotEqualTo("Hijacked");
    }

    private static MockHttpServletRequestBuilder save(String name, String currency, String email, String phone,
                                                      String fee) {
        return post("/admin/settings").with(csrf()).with(user(OWNER).roles("OWNER"))
                .param("shopName", name).param("currency", currency).param("contactEmail", email)
                .param("contactPhone", phone).param("shippingFee", fee);
    }
}

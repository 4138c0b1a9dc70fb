package com.micromall.distribution.payout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
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

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The distributor's withdrawal form on the web layer alone: what is refused before the money rules are asked, how the
 * service's refusal is shown, what reaches {@link WithdrawalService} (always for the signed-in customer), and who may
 * post. {@link WithdrawalPagesTests} covers the same bad input, the over-balance refusal, CSRF and the double submit
 * against the real ledger; this slice pins the controller's side without booting the shop.
 */
@WebMvcTest(controllers = WithdrawalController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.shared\\.web\\.(SecurityConfiguration|LanguageConfiguration|MoneyFormat)"),
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.micromall\\.(?!distribution\\.payout\\.web\\.)(order|distribution|catalog|customer|care|loyalty|groupbuy)\\..*"))
class WithdrawalFormSliceTests {

    static final long BEN = 41;
    static final CustomerPrincipal BEN_SIGNED_IN = new CustomerPrincipal(BEN, "ben@example.com", "x", "Ben",
            List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")));

    @Autowired MockMvc mvc;
    @MockitoBean WithdrawalService withdrawals;
    @MockitoBean ShopSettingsService shopSettings;
    @MockitoBean CustomerApi customers;

    @BeforeEach
    void aVerifiedDistributorWithFiftyAvailable() {
        given(shopSettings.current()).willReturn(new ShopSettings("Micromall", Currency.getInstance("CNY"), null, null,
                money("10.00"), null));
        given(customers.isEmailVerified(BEN)).willReturn(true);
        given(withdrawals.overview(BEN)).willReturn(new WithdrawalService.Overview(true, true, true, money("50.00"),
                money("0.00"), money("0.00"), money("10.00"), BigDecimal.ZERO, List.of()));
    }

    @Test
    void badInputIsShownAgainWithTheInputAndAnErrorNextToEachFieldAndNothingIsAsked() throws Exception {
        Document page = page(request("12.345", "CASH_IN_HAND", " "));

        assertThat(page.getElementById("amount").val()).isEqualTo("12.345");
        assertThat(page.getElementById("amount-error").text())
                .isEqualTo("Please enter a positive amount with at most two decimals, e.g. 25.00.");
        assertThat(page.getElementById("method-error").text()).isEqualTo("Please choose how you want to be paid.");
        assertThat(page.getElementById("accountDetails-error").text()).isEqualTo("Please enter where the money should go.");
        verify(withdrawals, never()).request(anyLong(), any(), any(), anyString(), any());
    }

    @Test
    void theServicesRefusalIsShownNextToTheAmountWithTheMoneyFormattedAndTheInputKept() throws Exception {
        given(withdrawals.request(eq(BEN), any(), any(), anyString(), any())).willReturn(new WithdrawalService.Outcome(
                null, null, List.of(new WithdrawalService.Refusal("amount",
                        "distribution.withdrawals.error.amount.overAvailable", List.of(money("50.00")))), false));

        Document page = page(request("60", "WECHAT", "wx: ben_88"));

        assertThat(page.getElementById("amount-error").text()).isEqualTo("You can withdraw at most CN¥50.00, your available balance.");
        assertThat(page.getElementById("amount").val()).isEqualTo("60");
        assertThat(page.select("#method option[selected]").val()).isEqualTo("WECHAT");
        assertThat(page.getElementById("accountDetails").text()).isEqualTo("wx: ben_88");
    }

    @Test
    void aGoodRequestIsAskedOnceForTheSignedInDistributorAndRedirects() throws Exception {
        given(withdrawals.request(eq(BEN), any(), any(), anyString(), any()))
                .willReturn(new WithdrawalService.Outcome(7L, money("20.50"), List.of(), false));

        mvc.perform(request("20,5", "ALIPAY", "  alipay: ben@example.com ").param("requestToken", "form-1"))
                .andExpect(redirectedUrl("/distribution/withdrawals"))
                .andExpect(flash().attribute("flashSuccess", "distribution.withdrawals.flash.requested"));

        verify(withdrawals, times(1)).request(BEN, new BigDecimal("20.5"), WithdrawalMethod.ALIPAY,
                "alipay: ben@example.com", "form-1");
    }

    @Test
    void anUnconfirmedAddressIsRefusedBeforeTheAmountIsRead() throws Exception {
        given(customers.isEmailVerified(BEN)).willReturn(false);

        Document page = page(request("20", "ALIPAY", "alipay: ben"));

        assertThat(page.select(".alert-danger").text()).contains("Withdrawals need a confirmed e-mail address.");
        verify(withdrawals, never()).request(anyLong(), any(), any(), anyString(), any());
    }

    @Test
    void visitorsAreSentToLogInAndAPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/distribution/withdrawals").with(csrf()).param("amount", "20").param("method", "ALIPAY")
                .param("accountDetails", "alipay: ben")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/distribution/withdrawals").with(user(BEN_SIGNED_IN)).param("amount", "20")
                .param("method", "ALIPAY").param("accountDetails", "alipay: ben")).andExpect(status().isForbidden());
        verify(withdrawals, never()).request(anyLong(), any(), any(), anyString(), any());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder request(String amount, String method, String accountDetails) {
        return post("/distribution/withdrawals").param("lang", "en").with(csrf()).with(user(BEN_SIGNED_IN))
                .param("amount", amount).param("method", method).param("accountDetails", accountDetails);
    }

    private static Money money(String amount) {
        return Money.of(amount, "CNY");
    }
}

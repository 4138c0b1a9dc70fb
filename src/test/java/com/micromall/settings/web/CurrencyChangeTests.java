package com.micromall.settings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.payout.WithdrawalFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.internal.ShopSettingsStore;
import com.micromall.support.MicromallTest;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Switching the shop's currency. Each test runs in a transaction that is rolled back, so the rest of the suite keeps
 * the shop's own currency and the prices the test evens out.
 */
@MicromallTest
@Transactional
class CurrencyChangeTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService settings;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired ShopSettingsStore store;
    @Autowired EntityManager entityManager;

    OrderFixtures orders;
    WithdrawalFixtures withdrawals;
    RequestPostProcessor owner;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        withdrawals = new WithdrawalFixtures(orders, jdbc, carts, checkout, orderService, settings, unfreezeJob);
        owner = user(orders.owner());
    }

    @Test
    void aCurrencyWithoutCentsIsRefusedWhilePricesAndAmountsHaveCentsAndTheFormKeepsTheInput() throws Exception {
        wholeAmountsEverywhere();
        orders.product("Cents tea", "12.50", 5);
        orders.product("Cents cake", "3.99", 5);
        long fixed = orders.product("Fixed commission", "20.00", 5);
        jdbc.sql("UPDATE product SET commission_fixed_amount = 1.50 WHERE id = :id").param("id", fixed).update();
        jdbc.sql("UPDATE distribution_settings SET withdrawal_minimum = 10.50 WHERE id = 1").update();
        String before = currency();

        Document page = Jsoup.parse(mvc.perform(save("Tokyo Shop", "JPY", "500"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        String message = page.select("#currency ~ .invalid-feedback").text();
        assertThat(message).contains("JPY").contains("2 products have prices with cents")
                .contains("1 product has a fixed commission with cents").contains("minimum withdrawal");
        assertThat(page.select("#currency option[selected]").val()).isEqualTo("JPY");
        assertThat(page.select("#shopName").val()).isEqualTo("Tokyo Shop");
        assertThat(page.select("#shippingFee").val()).isEqualTo("500");
        assertThat(currency()).isEqualTo(before);
        assertThat(store.load().shopName()).isNotEqualTo("Tokyo Shop");
    }

    @Test
    void aCurrencyWithCentsIsNotHeldBackByPricesWithCents() throws Exception {
        orders.product("Cents tea", "12.50", 5);

        mvc.perform(save("Hong Kong Shop", "HKD", "25.50")).andExpect(redirectedUrl("/admin/settings"));

        assertThat(currency()).isEqualTo("HKD");
    }

    @Test
    void afterAnAllowedChangeToACurrencyWithoutCentsEveryMainPageStillAnswers() throws Exception {
        long product = orders.product("Cents tea", "9.99", 50);
        TestCustomer buyer = orders.customer("Earlier Buyer");
        String number = placeOrder(buyer, product);
        TestCustomer sharer = withdrawals.distributorWithAvailable("Cents Sharer", "52.34");
        mvc.perform(post("/distribution/withdrawals").with(user(sharer.principal())).with(csrf())
                        .param("amount", "20.55").param("method", "BANK").param("accountDetails", "acct 1"))
                .andExpect(redirectedUrl("/distribution/withdrawals"));
        wholeAmountsEverywhere();

        mvc.perform(save("Tokyo Shop", "JPY", "500")).andExpect(redirectedUrl("/admin/settings"));
        assertThat(currency()).isEqualTo("JPY");

        mvc.perform(post("/cart/add").with(user(buyer.principal())).with(csrf())
                .param("productId", "" + product).param("quantity", "1")).andExpect(redirectedUrl("/cart"));
        Map<String, String> failures = new LinkedHashMap<>();
        for (String path : List.of("/", "/products", "/products/" + product)) {
            answer(get(path), failures);
        }
        for (String path : List.of("/cart", "/checkout", "/orders", "/orders/" + number, "/account")) {
            answer(get(path).with(user(buyer.principal())), failures);
        }
        for (String path : List.of("/distribution", "/distribution/withdrawals", "/distribution/rewards")) {
            answer(get(path).with(user(sharer.principal())), failures);
        }
        for (String path : List.of("/admin", "/admin/orders", "/admin/orders/" + number, "/admin/products",
                "/admin/products?archived=true", "/admin/products/" + product + "/edit", "/admin/customers",
                "/admin/customers/" + buyer.id(), "/admin/distributors", "/admin/distributors.csv",
                "/admin/distributors/" + sharer.id() + "/statement.csv?year=" + Year.now(ZoneOffset.UTC),
                "/admin/distribution/holds", "/admin/withdrawals", "/admin/withdrawals.csv",
                "/admin/settings", "/admin/settings/distribution", "/admin/audit")) {
            answer(get(path).with(owner), failures);
        }
        assertThat(failures).isEmpty();
    }

    /** Notes a page that does not answer 200, with the reason, so one run names every broken page. */
    private void answer(MockHttpServletRequestBuilder request, Map<String, String> failures) {
        String path = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
        try {
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            if (status != 200) {
                failures.put(path, "status " + status);
            }
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            StackTraceElement where = java.util.Arrays.stream(e.getCause() == null ? e.getStackTrace() : e.getCause().getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("com.micromall") && !frame.getClassName().endsWith(".Money")).findFirst().orElse(null);
            failures.put(path, cause + " at " + where);
        }
    }

    private String placeOrder(TestCustomer buyer, long product) throws Exception {
        mvc.perform(post("/cart/add").with(user(buyer.principal())).with(csrf())
                .param("productId", "" + product).param("quantity", "1")).andExpect(redirectedUrl("/cart"));
        Document form = Jsoup.parse(mvc.perform(get("/checkout").with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String location = mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                        .param("checkoutToken", form.selectFirst("input[name=checkoutToken]").val())
                        .param("paymentMethod", "BANK_TRANSFER").param("recipient", buyer.name()).param("phone", "555")
                        .param("line1", "1 Road").param("city", "Suzhou").param("postalCode", "215000")
                        .param("country", "China"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.split("/")[2];
    }

    /**
     * Read from the store: the test's own request scope keeps the settings it read first (as one page keeps one
     * version of them), and the change is made by the requests.
     */
    private String currency() {
        return store.load().currency().getCurrencyCode();
    }

    /** Other tests leave products with cents behind; within this test's transaction every amount is made whole. */
    private void wholeAmountsEverywhere() {
        jdbc.sql("UPDATE product SET price = CEIL(price) WHERE price <> CEIL(price)").update();
        jdbc.sql("""
                UPDATE product SET commission_fixed_amount = CEIL(commission_fixed_amount)
                WHERE commission_fixed_amount <> CEIL(commission_fixed_amount)""").update();
        jdbc.sql("""
                UPDATE distribution_settings SET withdrawal_minimum = CEIL(withdrawal_minimum),
                  welcome_value = CASE WHEN welcome_kind = 'FIXED' THEN CEIL(welcome_value) ELSE welcome_value END,
                  welcome_cap = CEIL(welcome_cap), monthly_budget = CEIL(monthly_budget)""").update();
        entityManager.flush();
        entityManager.clear();
    }

    private static MockHttpServletRequestBuilder save(String name, String currency, String fee) {
        return post("/admin/settings").with(csrf()).with(user(OWNER).roles("OWNER"))
                .param("shopName", name).param("currency", currency).param("contactEmail", "")
                .param("contactPhone", "").param("shippingFee", fee);
    }
}

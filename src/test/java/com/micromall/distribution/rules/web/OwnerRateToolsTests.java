package com.micromall.distribution.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The owner's rate tools: the simulator by product name, the warning on generous rates, level 2 explained. */
@MicromallTest
@Transactional
class OwnerRateToolsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired DistributionSettingsService settings;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures orders;
    String token;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        token = UUID.randomUUID().toString().substring(0, 8);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long product(String name, String price, String fixed) {
        long id = orders.product(name, price, 10);
        jdbc.sql("UPDATE product SET commission_fixed_amount = :f WHERE id = :id")
                .param("f", fixed == null ? null : new BigDecimal(fixed), java.sql.Types.NUMERIC).param("id", id).update();
        return id;
    }

    /** Level 1 and 2 at the given rates, no welcome gift (so the friend pays the full price). */
    private void rates(String level1, String level2) {
        DistributionSettings s = settings.current();
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal(level1), new BigDecimal(level2),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO,
                null, s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()),
                "test");
    }

    private static MockHttpServletRequestBuilder saveRates(String level1, String level2) {
        return post("/admin/settings/distribution").with(csrf())
                .param("enrolmentRule", "EVERYONE").param("level1Percent", level1).param("level2Percent", level2)
                .param("attributionDays", "30").param("returnWindowDays", "7").param("welcomeKind", "PERCENT")
                .param("welcomeValue", "10").param("welcomeCap", "").param("storeCreditBonusPercent", "20")
                .param("withdrawalMinimum", "10").param("withdrawalFeePercent", "0").param("monthlyBudget", "")
                .param("shareTexts", "");
    }

    private static MockHttpServletRequestBuilder saveProduct(String name, String price, String percent, String fixed) {
        return post("/admin/products").with(csrf()).param("name", name).param("description", "")
                .param("categoryId", "").param("price", price).param("stock", "5")
                .param("commissionPercent", percent).param("commissionFixedAmount", fixed);
    }

    private long productsNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM product WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void theSimulatorOffersTheProductsByNameAndQuotesTheOneChosen() throws Exception {
        rates("10", "0");
        long zebra = product("Zebra mug " + token, "12.00", null);
        long tea = product("Tea set " + token, "199.00", "80");

        Document form = page(get("/admin/settings/distribution"));
        List<Element> options = form.select("#sim-product option");
        assertThat(options.get(0).val()).isEmpty();
        assertThat(options).filteredOn(o -> o.text().contains(token)).extracting(Element::val)
                .containsExactly(Long.toString(tea), Long.toString(zebra));
        assertThat(form.select("#sim-product option[value=" + tea + "]").text())
                .contains("Tea set " + token).contains("199.00");

        Document quote = page(get("/admin/settings/distribution").param("product", Long.toString(tea))
                .param("quantity", "2"));
        assertThat(quote.select("#sim-error")).isEmpty();
        assertThat(quote.select("#sim-product option[selected]").val()).isEqualTo(Long.toString(tea));
        assertThat(quote.select("#sim-goods").text()).contains("398.00");
        assertThat(quote.select("#sim-level1").text()).contains("160.00");
    }

    @Test
    void aProductThatIsNotInTheShopGetsAClearMessageAndTheFormStays() throws Exception {
        Document page = page(get("/admin/settings/distribution").param("product", "999999999"));
        assertThat(page.select("#sim-error").text()).contains("not in the shop");
        assertThat(page.select("#sim-product option")).isNotEmpty();
        assertThat(page.select("#sim-result")).isEmpty();
    }

    @Test
    void levelTwoOfAProductWithAFixedLevelOneAmountIsExplainedWithItsFigure() throws Exception {
        rates("10", "5");
        long set = product("Dinner set " + token, "1169.00", "80");

        Document quote = page(get("/admin/settings/distribution").param("product", Long.toString(set)));
        assertThat(quote.select("#sim-level1").text()).contains("80.00");
        assertThat(quote.select("#sim-level2").text()).contains("58.45");
        assertThat(quote.select("#sim-level2-rule").text())
                .contains("5 %").contains("1,169.00").contains("58.45").contains("fixed").contains("80.00")
                .contains("level 1 only");

        Document form = page(get("/admin/settings/distribution"));
        assertThat(form.select("#level-two-rule").text()).contains("fixed level-1 amount").contains("level 1 only");
        assertThat(form.select("#level-two-example").text()).contains("fixed").contains("5 %");
    }

    @Test
    void shopRatesPayingMoreThanHalfThePriceAreSavedOnlyOnceTheOwnerConfirms() throws Exception {
        rates("10", "0");

        Document warned = page(saveRates("45", "10"));
        assertThat(warned.select("#payout-warning").text()).contains("55 %").contains("50 %");
        assertThat(warned.select("form button[name=payoutConfirmed][value=true]")).hasSize(1);
        assertThat(warned.select("#level1Percent").val()).isEqualTo("45");
        assertThat(settings.current().level1Percent()).isEqualByComparingTo("10");

        mvc.perform(saveRates("45", "10").param("payoutConfirmed", "true").with(user(OWNER).roles("OWNER")))
                .andExpect(redirectedUrl("/admin/settings/distribution"));
        assertThat(settings.current().level1Percent()).isEqualByComparingTo("45");
        assertThat(settings.current().level2Percent()).isEqualByComparingTo("10");
    }

    @Test
    void turningLevelTwoOnWarnsAboutAProductItPushesPastHalfItsPrice() throws Exception {
        rates("10", "0");
        product("Vase " + token, "100.00", "48");

        Document warned = page(saveRates("10", "5"));
        assertThat(warned.select("#payout-warning li").eachText()).anySatisfy(line -> assertThat(line)
                .contains("Vase " + token).contains("100.00").contains("53.00").contains("53 %"));
        assertThat(settings.current().level2Percent()).isEqualByComparingTo("0");
    }

    @Test
    void aFixedCommissionAboveTheProductsPriceIsSavedOnlyOnceTheOwnerConfirms() throws Exception {
        String name = "Teapot " + token;

        Document warned = page(saveProduct(name, "199", "", "250"));
        assertThat(warned.select("#payout-warning").text()).contains(name).contains("199.00").contains("250.00")
                .contains("50 %");
        assertThat(warned.select("form button[name=payoutConfirmed][value=true]")).hasSize(1);
        assertThat(warned.select("#commissionFixedAmount").val()).isEqualTo("250");
        assertThat(productsNamed(name)).isZero();

        mvc.perform(saveProduct(name, "199", "", "250").param("payoutConfirmed", "true")
                        .with(user(OWNER).roles("OWNER")))
                .andExpect(status().is3xxRedirection());
        assertThat(productsNamed(name)).isOne();
    }

    @Test
    void aProductPercentageAboveHalfThePriceWarnsButAnOrdinaryOneSavesAtOnce() throws Exception {
        rates("10", "0");
        assertThat(page(saveProduct("Bowl " + token, "50", "60", "")).select("#payout-warning").text())
                .contains("Bowl " + token).contains("60 %");
        assertThat(productsNamed("Bowl " + token)).isZero();

        mvc.perform(saveProduct("Plate " + token, "50", "20", "").with(user(OWNER).roles("OWNER")))
                .andExpect(status().is3xxRedirection());
        assertThat(productsNamed("Plate " + token)).isOne();
    }
}

package com.micromall.distribution.rules;

import com.micromall.distribution.ledger.LedgerFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.distribution.rules.CommissionQuote.Quote;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The owner's simulator and a real referred first order agree to the cent. */
@MicromallTest
class CommissionQuoteTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionSettingsService settings;
    @Autowired ProductApi products;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        // Odd rates and prices, so every rounding step shows: 10 % welcome capped at 30, level 1 at 10 %,
        // level 2 at 5 %, a 2 % withdrawal fee, no budget.
        settings.update(new DistributionSettings(original.enrolmentRule(), new BigDecimal("10"), new BigDecimal("5"),
                original.attributionDays(), original.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT,
                new BigDecimal("10"), new BigDecimal("30"), original.storeCreditBonusPercent(),
                original.withdrawalMinimum(), new BigDecimal("2"), null, original.shareTexts()), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void theSimulatorQuotesExactlyWhatAReferredFirstOrderAtTheShopRatesCredits() {
        long product = fixtures.orders.product("Tea", "37.93", 10);
        assertQuoteEqualsLedger(product, 3);
    }

    @Test
    void theSimulatorUsesTheProductsOverrideExactlyAsCreditingDoes() {
        long percentProduct = fixtures.orders.product("Lock", "199.99", 10);
        fixtures.productCommission(percentProduct, new BigDecimal("17.5"), null);
        assertQuoteEqualsLedger(percentProduct, 2);

        long fixedProduct = fixtures.orders.product("Mask", "12.34", 10);
        fixtures.productCommission(fixedProduct, null, new BigDecimal("1.25"));
        assertQuoteEqualsLedger(fixedProduct, 4);
    }

    @Test
    void theShopsNetIsWhatTheFriendPaysLessBothCommissionsPlusTheFee() {
        Quote quote = CommissionQuote.firstReferredOrder(settings.current(),
                com.micromall.shared.Money.of("100.00", "CNY"), null, 1);
        assertThat(quote.welcomeDiscount().amount()).isEqualByComparingTo("10.00");
        assertThat(quote.level1().amount()).isEqualByComparingTo("9.00");
        assertThat(quote.level2().amount()).isEqualByComparingTo("4.50");
        assertThat(quote.withdrawalFee().amount()).isEqualByComparingTo("0.27");
        assertThat(quote.shopNet().amount()).isEqualByComparingTo("76.77");
    }

    private void assertQuoteEqualsLedger(long productId, int quantity) {
        ProductSummary product = products.find(productId).orElseThrow();
        Quote quote = CommissionQuote.firstReferredOrder(settings.current(), product.price().times(quantity), product,
                quantity);
        assertThat(quote.level1().isPositive()).isTrue();

        TestCustomer grand = fixtures.distributor("Grand");
        TestCustomer sharer = fixtures.distributor("Sharer");
        fixtures.bind(sharer, grand);
        TestCustomer friend = fixtures.referredBy(sharer, "Friend");
        String number = fixtures.place(friend, productId, quantity);
        fixtures.complete(number);

        assertThat(jdbc.sql("SELECT discount_total FROM shop_order WHERE number = ?").param(number)
                .query(BigDecimal.class).single()).isEqualByComparingTo(quote.welcomeDiscount().amount());
        assertThat(credited(number, sharer, 1)).isEqualByComparingTo(quote.level1().amount());
        assertThat(credited(number, grand, 2)).isEqualByComparingTo(quote.level2().amount());
    }

    private @Nullable BigDecimal credited(String number, TestCustomer distributor, int level) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                WHERE order_number = :n AND distributor_id = :d AND level = :l AND kind = 'COMMISSION'""")
                .param("n", number).param("d", distributor.id()).param("l", level).query(BigDecimal.class).single();
    }
}

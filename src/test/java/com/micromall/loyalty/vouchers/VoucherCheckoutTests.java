package com.micromall.loyalty.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.micromall.catalog.ProductApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.RewardForm;
import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutOption;
import com.micromall.order.DiscountLine;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BindingResult;

/** A voucher picked at checkout, on the real PostgreSQL: what it takes off, and that it is used exactly once. */
@MicromallTest
class VoucherCheckoutTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired VoucherIssuing issuing;
    @Autowired VoucherDiscounts voucherDiscounts;
    @Autowired ShopSettingsService shopSettings;
    @Autowired DistributionSettingsService distributionSettings;
    @Autowired DistributorChoices choices;
    @Autowired ProductApi products;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    OrderFixtures orders;
    VoucherFixtures vouchers;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        vouchers = new VoucherFixtures(issuing, shopSettings, jdbc);
    }

    private void addToCart(TestCustomer buyer, long product, int quantity) {
        carts.add(CartService.CartKey.customer(buyer.id()), product, quantity);
    }

    private Map<String, String> picking(long voucherId) {
        return Map.of("voucher", Long.toString(voucherId));
    }

    private List<DiscountLine> voucherLines(TestCustomer buyer, long voucherId) {
        return checkout.summary(buyer.id(), picking(voucherId)).discounts().stream()
                .filter(line -> line.source().equals("voucher")).toList();
    }

    private CheckoutOption option(TestCustomer buyer, long voucherId) {
        return checkout.summary(buyer.id(), Map.of()).options().stream()
                .filter(o -> o.value().equals(Long.toString(voucherId))).findFirst().orElseThrow();
    }

    private String place(TestCustomer buyer, Map<String, String> picked) {
        return checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER)
                .withChoices(picked));
    }

    private MvcResult checkoutPost(TestCustomer buyer, String token, long voucherId) throws Exception {
        return mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf()).locale(Locale.ENGLISH)
                .param("checkoutToken", token).param("paymentMethod", "BANK_TRANSFER")
                .param("choices[voucher]", Long.toString(voucherId))
                .param("recipient", buyer.name()).param("phone", "555").param("line1", "1 Road")
                .param("city", "Suzhou").param("postalCode", "215000").param("country", "China")).andReturn();
    }

    private long ordersOf(TestCustomer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", customer.id())
                .query(Long.class).single();
    }

    private long orderId(String number) {
        return jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", number).query(Long.class).single();
    }

    private int cartQuantity(TestCustomer buyer) {
        return carts.view(CartService.CartKey.customer(buyer.id())).itemCount();
    }

    @Test
    void aVoucherConfirmedByTwoOrdersAtTheSameMomentGoesToExactlyOneOfThem() throws Exception {
        TestCustomer buyer = orders.customer("Race Voucher");
        long product = orders.product("Race Cup", "40.00", 10);
        long voucher = vouchers.voucher(vouchers.template().create(), buyer.id());
        Money ten = Money.of("10.00", shopSettings.current().currency().getCurrencyCode());
        CheckoutBasket basket = new CheckoutBasket(buyer.id(), List.of(new CheckoutBasket.Line(product, 1,
                ten.plus(ten).plus(ten).plus(ten), ten.plus(ten).plus(ten).plus(ten))), ten.plus(ten).plus(ten).plus(ten),
                picking(voucher));
        List<DiscountLine> granted = List.of(new DiscountLine("voucher", "loyalty.voucher.checkout.line", List.of("x"), ten));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<String>> confirms = new ArrayList<>();
        try {
            for (long order : List.of(-101L, -102L)) {
                confirms.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        transactions.executeWithoutResult(status ->
                                voucherDiscounts.confirm(order, "MM-RACE" + order, basket, granted));
                        return "used";
                    } catch (DiscountUnavailableException e) {
                        return e.messageKey();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<String> confirm : confirms) {
                outcomes.add(confirm.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("used", "loyalty.voucher.checkout.unavailable");
        } finally {
            pool.shutdownNow();
        }
        assertThat(vouchers.usedOrderId(voucher)).isIn(-101L, -102L);
    }

    @Test
    void twoCheckoutsWithTheSameVoucherAtTheSameMomentMakeOneDiscountedOrder() throws Exception {
        TestCustomer buyer = orders.customer("Two Tabs Voucher");
        long product = orders.product("Tab Cup", "40.00", 10);
        long voucher = vouchers.voucher(vouchers.template().create(), buyer.id());
        addToCart(buyer, product, 1);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<MvcResult>> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String token = UUID.randomUUID().toString();
                tabs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        return checkoutPost(buyer, token, voucher);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            for (CompletableFuture<MvcResult> tab : tabs) {
                tab.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ordersOf(buyer)).isEqualTo(1);
        String number = jdbc.sql("SELECT number FROM shop_order WHERE customer_id = :c").param("c", buyer.id())
                .query(String.class).single();
        assertThat(vouchers.usedOrderNumber(voucher)).isEqualTo(number);
        assertThat(jdbc.sql("SELECT total FROM shop_order WHERE number = :n").param("n", number)
                .query(BigDecimal.class).single())
                .isEqualByComparingTo(new BigDecimal("30.00").add(shopSettings.current().shippingFee().amount()));
    }

    @Test
    void aVoucherUsedMeanwhileIsRefusedPlainlyAndTheCartAndFormAreKept() throws Exception {
        TestCustomer buyer = orders.customer("Used Meanwhile");
        long product = orders.product("Meanwhile Cup", "40.00", 10);
        long voucher = vouchers.voucher(vouchers.template().create(), buyer.id());
        addToCart(buyer, product, 1);
        String first = place(buyer, picking(voucher));
        addToCart(buyer, product, 2);

        MvcResult second = checkoutPost(buyer, UUID.randomUUID().toString(), voucher);

        assertThat(second.getResponse().getStatus()).isEqualTo(200);
        assertThat(second.getModelAndView().getViewName()).isEqualTo("order/checkout");
        BindingResult errors = (BindingResult) second.getModelAndView().getModel()
                .get(BindingResult.MODEL_KEY_PREFIX + "checkoutForm");
        assertThat(errors.getGlobalErrors()).extracting(e -> e.getCode())
                .containsExactly("loyalty.voucher.checkout.unavailable");
        assertThat(second.getResponse().getContentAsString())
                .contains("The voucher you picked cannot be used on this order").contains("1 Road");
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertThat(cartQuantity(buyer)).isEqualTo(2);
        assertThat(orders.stock(product)).isEqualTo(9);
        assertThat(vouchers.usedOrderNumber(voucher)).isEqualTo(first);
    }

    @Test
    void applyingAVoucherShowsItPickedAndItsLineInTheSummaryWithoutPlacingAnything() throws Exception {
        TestCustomer buyer = orders.customer("Apply Voucher");
        long voucher = vouchers.voucher(vouchers.template().fixed("7.00").create(), buyer.id());
        addToCart(buyer, orders.product("Apply Cup", "40.00", 10), 1);

        String page = mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf()).locale(Locale.ENGLISH)
                        .param("apply", "1").param("checkoutToken", UUID.randomUUID().toString())
                        .param("choices[voucher]", Long.toString(voucher)))
                .andReturn().getResponse().getContentAsString();

        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        assertThat(html.select("#choice-voucher-" + voucher).hasAttr("checked")).isTrue();
        assertThat(html.select("#choice-voucher-none").hasAttr("checked")).isFalse();
        assertThat(html.select(".mm-summary").text()).contains("Voucher:").contains("7.00");
        assertThat(ordersOf(buyer)).isZero();
        assertThat(vouchers.usedOrderId(voucher)).isNull();
    }

    @Test
    void theSameCheckoutFormWithAVoucherSentTwiceMakesOneOrderAndUsesTheVoucherOnce() throws Exception {
        TestCustomer buyer = orders.customer("Double Submit Voucher");
        long product = orders.product("Double Cup", "40.00", 10);
        long voucher = vouchers.voucher(vouchers.template().create(), buyer.id());
        addToCart(buyer, product, 1);
        String token = UUID.randomUUID().toString();

        MvcResult first = checkoutPost(buyer, token, voucher);
        MvcResult again = checkoutPost(buyer, token, voucher);

        assertThat(ordersOf(buyer)).isEqualTo(1);
        String number = vouchers.usedOrderNumber(voucher);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/orders/" + number + "/confirmation");
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/orders/" + number + "/confirmation");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher WHERE used_order_number = :n").param("n", number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void exactlyTheMinimumSpendGetsTheDiscountAndOneCentLessDoesNot() {
        long template = vouchers.template().fixed("5.00").minSpend("50.00").create();
        TestCustomer atMinimum = orders.customer("At Minimum");
        TestCustomer centBelow = orders.customer("Cent Below");
        long voucherAt = vouchers.voucher(template, atMinimum.id());
        long voucherBelow = vouchers.voucher(template, centBelow.id());
        addToCart(atMinimum, orders.product("Min Cup", "50.00", 10), 1);
        addToCart(centBelow, orders.product("Below Cup", "49.99", 10), 1);

        assertThat(voucherLines(atMinimum, voucherAt)).singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("5.00"));
        assertThat(option(atMinimum, voucherAt).available()).isTrue();
        assertThat(voucherLines(centBelow, voucherBelow)).isEmpty();
        assertThat(option(centBelow, voucherBelow).unavailableKey()).isEqualTo("loyalty.voucher.checkout.spendMore");
        assertThatThrownBy(() -> place(centBelow, picking(voucherBelow)))
                .isInstanceOf(DiscountUnavailableException.class);
        assertThat(vouchers.usedOrderId(voucherBelow)).isNull();
    }

    @Test
    void aCategoryVoucherTakesItsPercentOfThatCategorysGoodsOnlyAndCountsOnlyThemForTheMinimum() {
        long tea = orders.product("Scoped Tea", "30.00", 10);
        long cup = orders.product("Scoped Cup", "70.00", 10);
        long teaCategory = products.categoryIdsOf(List.of(tea)).get(tea);
        long template = vouchers.template().percent("10").minSpend("30.00")
                .scope(VoucherTemplate.Scope.CATEGORIES, teaCategory).create();
        TestCustomer buyer = orders.customer("Category Buyer");
        long voucher = vouchers.voucher(template, buyer.id());
        addToCart(buyer, cup, 1);
        assertThat(option(buyer, voucher).unavailableKey()).isEqualTo("loyalty.voucher.checkout.notForTheseGoods");
        addToCart(buyer, tea, 1);

        assertThat(voucherLines(buyer, voucher)).singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("3.00"));
    }

    @Test
    void aProductVoucherIgnoresOtherProductsEvenWhenTheyReachTheMinimum() {
        long soap = orders.product("Scoped Soap", "9.99", 10);
        long towel = orders.product("Scoped Towel", "100.00", 10);
        long template = vouchers.template().fixed("20.00").minSpend("10.00")
                .scope(VoucherTemplate.Scope.PRODUCTS, soap).create();
        TestCustomer buyer = orders.customer("Product Buyer");
        long voucher = vouchers.voucher(template, buyer.id());
        addToCart(buyer, soap, 1);
        addToCart(buyer, towel, 1);
        assertThat(voucherLines(buyer, voucher)).as("9.99 of soap is below the 10.00 minimum").isEmpty();

        addToCart(buyer, soap, 1);
        assertThat(voucherLines(buyer, voucher)).as("a fixed amount is at most the goods in scope").singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("19.98"));
    }

    @Test
    void noCustomerGetsMoreVouchersOfATemplateThanItsPerCustomerLimit() {
        long template = vouchers.template().limit(2).create();
        TestCustomer buyer = orders.customer("Limited");

        assertThat(issuing.issue(template, List.of(buyer.id()), null).issued()).isEqualTo(1);
        assertThat(issuing.issue(template, List.of(buyer.id()), null).issued()).isEqualTo(1);
        VoucherIssuing.IssueResult third = issuing.issue(template, List.of(buyer.id()), null);

        assertThat(third.issued()).isZero();
        assertThat(third.atLimit()).isEqualTo(1);
        assertThat(issuing.vouchersOf(buyer.id())).hasSize(2);
    }

    @Test
    void anotherCustomersVoucherIsNeitherShownNorUsableEvenWithItsIdForged() throws Exception {
        long template = vouchers.template().create();
        TestCustomer owner = orders.customer("Voucher Owner");
        TestCustomer forger = orders.customer("Forger");
        long voucher = vouchers.voucher(template, owner.id());
        long product = orders.product("Forged Cup", "40.00", 10);
        addToCart(forger, product, 1);

        assertThat(checkout.summary(forger.id(), Map.of()).options()).isEmpty();
        assertThat(voucherLines(forger, voucher)).isEmpty();
        MvcResult forged = checkoutPost(forger, UUID.randomUUID().toString(), voucher);

        assertThat(forged.getResponse().getStatus()).isEqualTo(200);
        assertThat(forged.getResponse().getContentAsString()).contains("The voucher you picked cannot be used");
        assertThat(ordersOf(forger)).isZero();
        assertThat(cartQuantity(forger)).isEqualTo(1);
        assertThat(vouchers.usedOrderId(voucher)).isNull();
        String page = mvc.perform(get("/account/vouchers").with(user(forger.principal())).locale(Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(issuing.vouchersOf(owner.id()).get(0).template().name());
    }

    @Test
    void aCancelledOrderGivesItsVoucherBack() {
        TestCustomer buyer = orders.customer("Cancel Voucher");
        long product = orders.product("Cancel Cup", "40.00", 10);
        long voucher = vouchers.voucher(vouchers.template().create(), buyer.id());
        addToCart(buyer, product, 1);
        String number = place(buyer, picking(voucher));
        assertThat(vouchers.usedOrderNumber(voucher)).isEqualTo(number);

        orderService.cancelByCustomer(buyer.id(), number);

        await().atMost(Duration.ofSeconds(10)).until(() -> vouchers.usedOrderId(voucher) == null);
        addToCart(buyer, product, 1);
        assertThat(voucherLines(buyer, voucher)).hasSize(1);
    }

    /**
     * A referred friend's first order with the welcome gift (fixed 5.00), a 15 % voucher and store credit (12.00):
     * goods 33.33 + 16.67 + 9.99 = 59.99, voucher 15 % = 8.99 (rounded down), discounts 25.99 in all. Spread by
     * largest remainder (worked out by hand): the lines carry 14.44, 7.22 and 4.33 and are paid 18.89, 9.45, 5.66;
     * each source's parts add up to what it took off.
     */
    @Test
    void welcomeGiftVoucherAndStoreCreditSpreadOverTheLinesExactly() {
        DistributionSettings original = distributionSettings.current();
        DistributionSettings s = original;
        distributionSettings.update(new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.FIXED, new BigDecimal("5.00"),
                null, new BigDecimal("20"), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()), "test");
        try {
            LedgerFixtures ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
            TestCustomer sharer = ledger.distributor("Rounding Sharer");
            TestCustomer buyer = ledger.distributor("Rounding Buyer");
            jdbc.sql("""
                    INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                        kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                    VALUES (:d, 1, -1, 'MM-CREDIT', :line, 1, 1, 'COMMISSION', 1, '10%', 10.00, 'CNY', 'AVAILABLE', :at, :at)""")
                    .param("d", buyer.id()).param("line", 3_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                    .param("at", Timestamp.from(clock.instant())).update();
            ledger.totals(buyer.id());
            choices.chooseRewardForm(buyer.id(), RewardForm.STORE_CREDIT, "test");
            ledger.bind(buyer, sharer);
            long voucher = vouchers.voucher(vouchers.template().percent("15").create(), buyer.id());
            addToCart(buyer, orders.product("Round A", "33.33", 10), 1);
            addToCart(buyer, orders.product("Round B", "16.67", 10), 1);
            addToCart(buyer, orders.product("Round C", "9.99", 10), 1);

            String number = place(buyer, picking(voucher));

            long order = orderId(number);
            assertThat(jdbc.sql("SELECT paid_amount FROM order_line WHERE order_id = :o ORDER BY position")
                    .param("o", order).query(BigDecimal.class).list())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("18.89"), new BigDecimal("9.45"), new BigDecimal("5.66"));
            List<String> parts = jdbc.sql("""
                    SELECT l.position, d.source, d.amount FROM order_line_discount d JOIN order_line l ON l.id = d.order_line_id
                    WHERE l.order_id = :o ORDER BY l.position, d.source""").param("o", order)
                    .query((rs, i) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString()).list();
            int first = jdbc.sql("SELECT MIN(position) FROM order_line WHERE order_id = :o").param("o", order)
                    .query(Integer.class).single();
            assertThat(parts).containsExactly(
                    first + " store-credit 6.67", first + " voucher 4.99", first + " welcome 2.78",
                    (first + 1) + " store-credit 3.33", (first + 1) + " voucher 2.50", (first + 1) + " welcome 1.39",
                    (first + 2) + " store-credit 2.00", (first + 2) + " voucher 1.50", (first + 2) + " welcome 0.83");
            assertThat(jdbc.sql("SELECT discount FROM loyalty_voucher WHERE id = :v").param("v", voucher)
                    .query(BigDecimal.class).single()).isEqualByComparingTo("8.99");
        } finally {
            distributionSettings.update(original, "test");
        }
    }

    @Test
    void aVoucherThatDoesNotCombineIsNotOfferedWhileTheWelcomeGiftApplies() {
        LedgerFixtures ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
        TestCustomer sharer = ledger.distributor("Welcome Sharer");
        TestCustomer friend = ledger.referredBy(sharer, "Welcome Friend");
        long alone = vouchers.voucher(vouchers.template().notWithWelcome().create(), friend.id());
        long together = vouchers.voucher(vouchers.template().create(), friend.id());
        addToCart(friend, orders.product("Welcome Cup", "40.00", 10), 1);
        boolean welcomeOffered = checkout.summary(friend.id()).discounts().stream()
                .anyMatch(line -> line.source().equals("welcome"));
        assertThat(welcomeOffered).as("the shop's welcome gift is on").isTrue();

        assertThat(option(friend, alone).unavailableKey()).isEqualTo("loyalty.voucher.checkout.notWithWelcome");
        assertThat(voucherLines(friend, alone)).isEmpty();
        assertThat(option(friend, together).available()).isTrue();
        assertThat(voucherLines(friend, together)).hasSize(1);
    }
}

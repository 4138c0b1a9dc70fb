package com.micromall.loyalty.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerRegistered;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.DiscountLine;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A template switched off and on again, a cap on what a percent voucher takes off, and a voucher given back when its
 * order is fully refunded.
 */
@MicromallTest
class VoucherSwitchCapAndRefundTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired VoucherIssuing issuing;
    @Autowired VoucherDiscounts voucherDiscounts;
    @Autowired ShopSettingsService shopSettings;

    OrderFixtures orders;
    VoucherFixtures vouchers;
    LedgerFixtures ledger;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        vouchers = new VoucherFixtures(issuing, shopSettings, jdbc);
        ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
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

    private String place(TestCustomer buyer, Map<String, String> picked) {
        return checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER)
                .withChoices(picked));
    }

    private long held(long templateId, long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher WHERE template_id = :t AND customer_id = :c")
                .param("t", templateId).param("c", customerId).query(Long.class).single();
    }

    private long switchAudits(long templateId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'loyalty.voucher.template.active' AND subject LIKE :s")
                .param("s", "voucher template " + templateId + " %").query(Long.class).single();
    }

    private MvcResult switchTemplate(long templateId, boolean active) throws Exception {
        return mvc.perform(post("/admin/loyalty/vouchers/" + templateId + "/active").with(user(orders.owner()))
                        .with(csrf()).param("active", Boolean.toString(active)))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private Document page(String path, CustomerPrincipal who) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(who)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long orderId(String number) {
        return jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", number).query(Long.class).single();
    }

    private long lineId(String number) {
        return jdbc.sql("SELECT l.id FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE o.number = :n")
                .param("n", number).query(Long.class).single();
    }

    @Test
    void aSwitchedOffTemplateIsIssuedInNoWayButVouchersAlreadyGivenStillWorkUntilSwitchedOnAgain() throws Exception {
        long template = vouchers.template().onRegistration().limit(5).create();
        TestCustomer holder = orders.customer("Switch Holder");
        TestCustomer latecomer = orders.customer("Switch Latecomer");
        long given = vouchers.voucher(template, holder.id());

        switchTemplate(template, false);
        switchTemplate(template, false);

        assertThat(switchAudits(template)).as("the same form sent twice is audited once").isEqualTo(1);
        MvcResult byHand = mvc.perform(post("/admin/loyalty/vouchers/" + template + "/issue").with(user(orders.owner()))
                        .with(csrf()).param("emails", latecomer.email()).param("token", java.util.UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(byHand.getFlashMap().get("flashError")).isEqualTo("loyalty.voucher.admin.issueSwitchedOff");
        issuing.onRegistration(new CustomerRegistered(latecomer.id(), latecomer.name(), latecomer.email(), Instant.now(),
                null, null));
        assertThat(issuing.issue(template, List.of(latecomer.id()), null).switchedOff()).isTrue();
        assertThat(held(template, latecomer.id())).isZero();
        addToCart(holder, orders.product("Switch Cup", "40.00", 10), 1);
        assertThat(voucherLines(holder, given)).as("a voucher already given keeps working").hasSize(1);
        Document off = page("/admin/loyalty/vouchers/" + template, orders.owner());
        assertThat(off.select("#template-state").text()).isEqualTo("Switched off");
        assertThat(off.select("#template-switch").text()).contains("Vouchers already given keep working until their end");
        assertThat(off.select("#issue-by-email")).isEmpty();

        switchTemplate(template, true);

        assertThat(switchAudits(template)).isEqualTo(2);
        assertThat(issuing.issue(template, List.of(latecomer.id()), null).issued()).isEqualTo(1);
        assertThat(page("/admin/loyalty/vouchers/" + template, orders.owner()).select("#template-state").text())
                .isEqualTo("Switched on");
    }

    @Test
    void aSwitchedOffReferralRewardIsNotGivenForAFriendsFirstOrder() {
        long template = vouchers.template().referralReward().limit(10).create();
        issuing.switchTemplate(template, false, LedgerFixtures.OWNER);
        TestCustomer sharer = ledger.distributor("Off Sharer");
        TestCustomer friend = ledger.referredBy(sharer, "Off Friend");

        ledger.complete(ledger.place(friend, orders.product("Off Referral Cup", "20.00", 10), 1));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> held(template, sharer.id()) == 0);
    }

    @Test
    void onlyTheOwnerSwitchesATemplateAndOnlyWithTheFormsToken() throws Exception {
        long template = vouchers.template().create();
        CustomerPrincipal staff = new CustomerPrincipal(1, "staff@example.com", "x", "Staff",
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
        mvc.perform(post("/admin/loyalty/vouchers/" + template + "/active").with(user(staff)).with(csrf())
                .param("active", "false")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/vouchers/" + template + "/active").with(user(orders.owner()))
                .param("active", "false")).andExpect(status().isForbidden());

        assertThat(issuing.template(template).orElseThrow().template().active()).isTrue();
        assertThat(switchAudits(template)).isZero();
    }

    @Test
    void fifteenPercentOfTwoHundredCappedAtTwentyTakesTwentyAndTheCapIsReachedExactly() {
        long template = vouchers.template().percent("15").atMost("20.00").create();
        TestCustomer big = orders.customer("Cap Big");
        TestCustomer exact = orders.customer("Cap Exact");
        TestCustomer below = orders.customer("Cap Below");
        long bigVoucher = vouchers.voucher(template, big.id());
        long exactVoucher = vouchers.voucher(template, exact.id());
        long belowVoucher = vouchers.voucher(template, below.id());
        addToCart(big, orders.product("Cap Kettle", "200.00", 10), 1);
        addToCart(exact, orders.product("Cap Exact Pot", "133.34", 10), 1);
        addToCart(below, orders.product("Cap Below Pot", "133.33", 10), 1);

        assertThat(voucherLines(big, bigVoucher)).as("15 % would be 30.00").singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("20.00"));
        assertThat(voucherLines(exact, exactVoucher)).as("15 % of 133.34 is 20.001, down to the cap").singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("20.00"));
        assertThat(voucherLines(below, belowVoucher)).as("15 % of 133.33 is 19.9995, under the cap").singleElement()
                .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("19.99"));

        place(big, picking(bigVoucher));
        assertThat(jdbc.sql("SELECT discount FROM loyalty_voucher WHERE id = :v").param("v", bigVoucher)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("20.00");
    }

    @Test
    void theCapIsShownWithTheTermsInTheOwnersListMyVouchersAndAtCheckout() throws Exception {
        String name = OrderFixtures.unique("Capped");
        VoucherFixtures.Template capped = vouchers.template().percent("15").atMost("20.00");
        capped.name = name;
        long template = capped.create();
        TestCustomer buyer = orders.customer("Cap Shown");
        long voucher = vouchers.voucher(template, buyer.id());
        String cap = Money.of(new java.math.BigDecimal("20.00"), shopSettings.current().currency()).format(Locale.ENGLISH);

        Document list = page("/admin/loyalty/vouchers", orders.owner());
        assertThat(list.select("#voucher-templates tr:contains(" + name + ")").text()).contains("at most " + cap);
        assertThat(page("/admin/loyalty/vouchers/" + template, orders.owner()).select("#template-max-discount").text())
                .isEqualTo(cap);
        assertThat(page("/account/vouchers", buyer.principal()).select("#vouchers-valid").text())
                .contains("at most " + cap);
        addToCart(buyer, orders.product("Cap Shown Cup", "50.00", 10), 1);
        String checkoutPage = mvc.perform(get("/checkout").with(user(buyer.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(checkoutPage).text()).contains(name + ": 15 % (at most " + cap + ") off");
    }

    @Test
    void aCapIsOnlyForPercentVouchersAndMustBeAPositiveAmount() throws Exception {
        String fixedName = OrderFixtures.unique("Fixed capped");
        Document fixed = Jsoup.parse(mvc.perform(post("/admin/loyalty/vouchers").with(user(orders.owner())).with(csrf())
                        .locale(Locale.ENGLISH).param("name", fixedName).param("kind", "FIXED").param("value", "10")
                        .param("maxDiscount", "5").param("validity", "DAYS").param("validDays", "30")
                        .param("perCustomerLimit", "1").param("scope", "ALL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(fixed.select("#maxDiscount-error").text()).isEqualTo(
                "Only a percent voucher has a maximum discount. Leave this empty.");
        assertThat(fixed.select("#maxDiscount").val()).isEqualTo("5");
        for (String bad : List.of("0", "-3", "abc", "1.005")) {
            Document percent = Jsoup.parse(mvc.perform(post("/admin/loyalty/vouchers").with(user(orders.owner()))
                            .with(csrf()).locale(Locale.ENGLISH).param("name", fixedName).param("kind", "PERCENT")
                            .param("value", "15").param("maxDiscount", bad).param("validity", "DAYS")
                            .param("validDays", "30").param("perCustomerLimit", "1").param("scope", "ALL"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(percent.select("#maxDiscount-error").text()).as(bad)
                    .isEqualTo("Enter an amount above 0 with at most two decimals.");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher_template WHERE name = :n").param("n", fixedName)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFullyRefundedOrderGivesItsVoucherBackAndTheSameRefundHeardAgainChangesNothing() {
        TestCustomer buyer = orders.customer("Refund Voucher");
        long product = orders.product("Refund Cup", "40.00", 10);
        long voucher = vouchers.voucher(vouchers.template().create(), buyer.id());
        addToCart(buyer, product, 1);
        String first = place(buyer, picking(voucher));
        ledger.complete(first);

        orderService.refund(first, Map.of(lineId(first), 1), "returned", LedgerFixtures.OWNER);

        await().atMost(Duration.ofSeconds(10)).until(() -> vouchers.usedOrderId(voucher) == null);
        addToCart(buyer, product, 1);
        String second = place(buyer, picking(voucher));
        OrderRefunded again = new OrderRefunded(orderId(first), first, buyer.id(), Instant.now(), List.of(),
                Money.of(new java.math.BigDecimal("30.00"), shopSettings.current().currency()), true, "returned");
        voucherDiscounts.releaseOnOrderFullyRefunded(again);
        voucherDiscounts.releaseOnOrderFullyRefunded(again);

        assertThat(vouchers.usedOrderNumber(voucher)).as("still on the order it went on afterwards").isEqualTo(second);
    }

    @Test
    void aPartRefundOrARefundAfterTheVouchersEndLeavesItUsed() {
        TestCustomer buyer = orders.customer("Part Refund Voucher");
        long product = orders.product("Part Refund Cup", "40.00", 10);
        long voucher = vouchers.voucher(vouchers.template().create(), buyer.id());
        addToCart(buyer, product, 2);
        String number = place(buyer, picking(voucher));
        ledger.complete(number);

        orderService.refund(number, Map.of(lineId(number), 1), "one broke", LedgerFixtures.OWNER);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> number.equals(vouchers.usedOrderNumber(voucher)));

        jdbc.sql("UPDATE loyalty_voucher SET valid_until = :past WHERE id = :v")
                .param("past", Timestamp.from(Instant.now().minus(Duration.ofDays(1)))).param("v", voucher).update();
        orderService.refund(number, Map.of(lineId(number), 1), "the other broke", LedgerFixtures.OWNER);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> number.equals(vouchers.usedOrderNumber(voucher)));
        assertThat(jdbc.sql("SELECT status FROM shop_order WHERE number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("REFUNDED");
    }
}

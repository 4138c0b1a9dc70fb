package com.micromall.settings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.catalog.internal.ProductAdministration;
import com.micromall.catalog.internal.ProductDraft;
import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.payout.WithdrawalFixtures;
import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
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
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The audit log page says in the reader's words what changed and links to the thing, after real owner actions. */
@MicromallTest
class AuditPageTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributionSettingsService distributionSettings;
    @Autowired ShopSettingsService shopSettings;
    @Autowired ProductAdministration products;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orders;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired WithdrawalService withdrawals;

    OrderFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
        original = distributionSettings.current();
    }

    @AfterEach
    void restoreSettings() {
        distributionSettings.update(original, "test");
    }

    @Test
    void eachChangeIsSaidInWordsWithAWorkingLinkToWhatChanged() throws Exception {
        int window = original.returnWindowDays() == 14 ? 30 : 14;
        distributionSettings.update(withReturnWindow(window), OWNER);
        String tea = "Green tea " + UUID.randomUUID().toString().substring(0, 6);
        long product = changeStock(tea, 14, 1);
        String number = refundedOrder("The tin arrived dented");
        long withdrawal = paidWithdrawal("BANK-REF-77");
        String currency = shopSettings.current().currency().getCurrencyCode();

        Document page = auditPage(null);
        Element table = page.selectFirst("#audit-table");
        assertThat(table).isNotNull();

        Element setting = row(page, "/admin/settings/distribution");
        assertThat(setting.text()).contains("Distribution rules", "Return window",
                original.returnWindowDays() + " days", window + " days");

        Element stock = row(page, "/admin/products/" + product + "/edit");
        assertThat(stock.text()).contains("Stock", tea, "14", "→ 1");

        Element refund = row(page, "/admin/orders/" + number);
        assertThat(refund.text()).contains("Refund", "Order " + number,
                Money.of("10.00", currency).format(Locale.ENGLISH) + " refunded", "Reason: The tin arrived dented");

        Element payout = row(page, "/admin/withdrawals?state=PAID");
        assertThat(payout.text()).contains("Withdrawal paid out", "Withdrawal #" + withdrawal,
                "Requested: " + Money.of("30.00", currency).format(Locale.ENGLISH),
                "Paid out: " + Money.of("30.00", currency).format(Locale.ENGLISH), "Payment reference: BANK-REF-77");

        for (Element row : new Element[] {setting, stock, refund, payout}) {
            String link = row.select("a[href^=/admin/]").attr("href");
            mvc.perform(get(link).with(user(OWNER).roles("OWNER"))).andExpect(status().isOk());
        }
        String words = table.text();
        assertThat(words).doesNotContainPattern("\\b(customer|commission_entry|withdrawal|product|order)[: ]#?\\d")
                .doesNotContainPattern("\\{[^}]*=[^}]*}")
                .doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b")
                .doesNotContain("returnWindowDays", "commission_entry", "REQUESTED", "PAID 30");
    }

    @Test
    void theAuditLogSpeaksTheReadersLanguage() throws Exception {
        int window = original.returnWindowDays() == 14 ? 30 : 14;
        distributionSettings.update(withReturnWindow(window), OWNER);
        String tea = "Green tea " + UUID.randomUUID().toString().substring(0, 6);
        long product = changeStock(tea, 14, 1);
        long withdrawal = paidWithdrawal("REF-88");

        Document page = auditPage("zh-CN");

        assertThat(row(page, "/admin/settings/distribution").text())
                .contains("分销规则", "退货期", original.returnWindowDays() + " 天", window + " 天");
        assertThat(row(page, "/admin/products/" + product + "/edit").text()).contains("库存", tea, "14", "1");
        assertThat(row(page, "/admin/withdrawals?state=PAID").text())
                .contains("提现已打款", "提现 #" + withdrawal, "已申请", "已打款", "付款参考号：REF-88");
        assertThat(page.selectFirst("#audit-table").text()).doesNotContain("Return window", "Stock", "returnWindowDays");
    }

    @Test
    @Transactional
    void linesWrittenBeforeTheyWereReadableAreStillSaidInWords() throws Exception {
        long sharer = fixtures.customer("Legacy sharer").id();
        String currency = shopSettings.current().currency().getCurrencyCode();
        Instant at = Instant.now();
        legacy(at, OWNER, "order.refund", "MM-LEGACY-1", null, "12.00 " + currency + " {14=1, 15=2} Broken lid");
        legacy(at, "system", "distribution.budgetExceeded", "commission_entry:16", null, "3.00 " + currency);
        legacy(at, OWNER, "distribution.entry.void", "commission_entry:17", "ON_HOLD", "VOID same household");
        legacy(at, OWNER, "distribution.distributor.suspend", "customer " + sharer, "ACTIVE", "SUSPENDED");
        legacy(at, "customer:" + sharer, "distribution.rewardForm", "customer " + sharer, "CASH", "STORE_CREDIT");
        legacy(at, OWNER, "catalog.product.archived", "product #999999 Oolong", "on sale", "archived");
        legacy(at, OWNER, "something.unknown", "thing:5", "{1=2}", "X_Y");

        String words = auditPage(null).selectFirst("#audit-table").text();

        assertThat(words).contains(Money.of("12.00", currency).format(Locale.ENGLISH) + " refunded", "Reason: Broken lid",
                "Commission entry #16", Money.of("3.00", currency).format(Locale.ENGLISH) + " put on hold",
                "On hold → Voided", "Reason: same household", "Active → Suspended", "Customer #" + sharer,
                "Cash → Store credit", "The shop (automatic)", "Oolong", "on sale → archived", "Change", "changed");
        assertThat(words).doesNotContainPattern("\\b(customer|commission_entry|withdrawal|product|thing)[: ]#?\\d")
                .doesNotContainPattern("\\{[^}]*=[^}]*}")
                .doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b");
        Document page = auditPage(null);
        assertThat(row(page, "/admin/customers/" + sharer).text()).contains("Customer #" + sharer);
        mvc.perform(get("/admin/customers/" + sharer).with(user(OWNER).roles("OWNER"))).andExpect(status().isOk());
    }

    /** A row as earlier versions wrote it (rolled back with the test, so no other test sees it). */
    private void legacy(Instant at, String actor, String action, String subject, String oldValue, String newValue) {
        jdbc.sql("""
                INSERT INTO audit_log (occurred_at, actor, action, subject, old_value, new_value)
                VALUES (:at, :actor, :action, :subject, :old, :new)""")
                .param("at", Timestamp.from(at)).param("actor", actor).param("action", action)
                .param("subject", subject).param("old", oldValue).param("new", newValue).update();
    }

    /** The newest row on the page whose subject links to {@code href}. */
    private static Element row(Document page, String href) {
        Element link = page.select("#audit-table tbody tr a").stream().filter(a -> a.attr("href").equals(href))
                .findFirst().orElse(null);
        assertThat(link).as("a line linking to %s", href).isNotNull();
        return link.closest("tr");
    }

    private Document auditPage(String language) throws Exception {
        var request = get("/admin/audit").with(user(OWNER).roles("OWNER"));
        if (language != null) {
            request.cookie(new Cookie("micromall_lang", language));
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private DistributionSettings withReturnWindow(int days) {
        DistributionSettings s = original;
        return new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(), s.attributionDays(),
                days, s.welcomeKind(), s.welcomeValue(), s.welcomeCap(), s.storeCreditBonusPercent(),
                s.withdrawalMinimum(), s.withdrawalFeePercent(), s.monthlyBudget(), s.shareTexts());
    }

    private long changeStock(String name, int from, int to) {
        long product = fixtures.product(name, "10.00", from);
        ProductDraft draft = products.draftOf(product);
        products.update(product, new ProductDraft(draft.name(), draft.description(), draft.categoryId(), draft.price(),
                to, draft.commissionPercent(), draft.commissionFixedAmount()), from, OWNER);
        return product;
    }

    private String refundedOrder(String reason) {
        long product = fixtures.product("Audit cup", "10.00", 5);
        TestCustomer buyer = fixtures.customer("Audit buyer");
        carts.add(CartService.CartKey.customer(buyer.id()), product, 2);
        String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
        orders.confirmPayment(number, OWNER);
        long line = orders.order(number).lines().get(0).id();
        orders.refund(number, Map.of(line, 1), reason, OWNER);
        return number;
    }

    private long paidWithdrawal(String reference) {
        WithdrawalFixtures money = new WithdrawalFixtures(fixtures, jdbc, carts, checkout, orders, shopSettings,
                unfreezeJob);
        TestCustomer sharer = money.distributorWithAvailable("Audit sharer", "50.00");
        long id = withdrawals.request(sharer.id(), new BigDecimal("30.00"), WithdrawalMethod.BANK, "acct", null)
                .withdrawalId();
        withdrawals.pay(id, reference, OWNER);
        return id;
    }
}

package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.vouchers.NewVoucherTemplate;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.loyalty.vouchers.VoucherTemplate;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The owner's points page and the customer's own points: roles, validation, audit, double submits and races. */
@MicromallTest
class PointsPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PointsBook book;
    @Autowired CartService carts;
    @Autowired PointsSettingsService settings;
    @Autowired PointsRewards rewards;
    @Autowired VoucherIssuing vouchers;
    @Autowired ShopSettingsService shopSettings;

    @AutoClose PointsFixtures points;
    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        points = new PointsFixtures(jdbc, encoder, book, settings, carts).on("1", 50, "0.01", "50", 12);
        orders = points.orders;
    }

    private long auditLines() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'loyalty.points.settings'").query(Long.class).single();
    }

    private long template(int limit) {
        return vouchers.create(new NewVoucherTemplate(OrderFixtures.unique("Points voucher"), VoucherTemplate.Kind.FIXED,
                new BigDecimal("5.00"), null, BigDecimal.ZERO, shopSettings.current().currency(), null, null, 30, limit,
                VoucherTemplate.Scope.ALL, Set.of(), true, false, false, null));
    }

    private long vouchersOf(TestCustomer customer, long template) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher WHERE customer_id = :c AND template_id = :t")
                .param("c", customer.id()).param("t", template).query(Long.class).single();
    }

    @Test
    void staffAndCustomersCannotOpenOrChangeThePointsPage() throws Exception {
        CustomerPrincipal staff = new CustomerPrincipal(1, "staff@example.com", "x", "Staff",
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
        TestCustomer customer = orders.customer(OrderFixtures.unique("Nosy"));
        mvc.perform(get("/admin/loyalty/points").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/loyalty/points").with(user(customer.principal()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/points").with(user(staff)).with(csrf()).param("enabled", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/points").with(user(orders.owner())).param("enabled", "false"))
                .andExpect(status().isForbidden());
        assertThat(settings.current().enabled()).isTrue();
    }

    @Test
    void theDistributionReconciliationPageChecksThePointsBooksBesideTheMoney() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/distribution/reconciliation").with(user(orders.owner()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#points-reconciliation h2").text()).isEqualTo("Points reconciliation");
        long issued = Long.parseLong(page.select("#points-issued").text());
        long accounted = java.util.stream.Stream.of("#points-spent", "#points-expired", "#points-reversed",
                "#points-outstanding").mapToLong(id -> Long.parseLong(page.select(id).text())).sum();
        assertThat(accounted).as("every point issued is accounted for").isEqualTo(issued);
        assertThat(page.select("#points-balanced").text()).isEqualTo("Balanced");
        assertThat(page.select("#points-unbalanced")).isEmpty();
    }

    @Test
    void badTermsComeBackAsTypedWithAMessageAndChangeNothing() throws Exception {
        long version = settings.current().version();
        String html = mvc.perform(post("/admin/loyalty/points").with(user(orders.owner())).with(csrf()).locale(Locale.ENGLISH)
                        .param("enabled", "true").param("pointsPerUnit", "lots").param("referralPoints", "-3")
                        .param("pointValue", "0.001").param("capPercent", "150").param("expiryMonths", "12")
                        .param("version", Long.toString(version)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("input[name=pointsPerUnit]").val()).isEqualTo("lots");
        assertThat(page.text()).contains("Enter a number from 0 to 1000").contains("Enter a whole number of points")
                .contains("can pay exactly").contains("Enter a percentage from 0 to 100");
        assertThat(settings.current().version()).isEqualTo(version);
    }

    @Test
    void savedTermsAreAuditedAndTheSameFormSentTwiceChangesThemOnce() throws Exception {
        long version = settings.current().version();
        long audited = auditLines();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/loyalty/points").with(user(orders.owner())).with(csrf())
                            .param("enabled", "true").param("pointsPerUnit", "2").param("referralPoints", "80")
                            .param("pointValue", "0.02").param("capPercent", "40").param("expiryMonths", "6")
                            .param("version", Long.toString(version)))
                    .andExpect(status().is3xxRedirection());
        }
        PointsSettings now = settings.current();
        assertThat(now.version()).isEqualTo(version + 1);
        assertThat(now.pointsPerUnit()).isEqualByComparingTo("2");
        assertThat(now.referralPoints()).isEqualTo(80);
        assertThat(auditLines() - audited).as("rate, referral, value, cap, months").isEqualTo(5);

        String stale = mvc.perform(post("/admin/loyalty/points").with(user(orders.owner())).with(csrf()).locale(Locale.ENGLISH)
                        .param("enabled", "true").param("pointsPerUnit", "3").param("referralPoints", "80")
                        .param("pointValue", "0.02").param("capPercent", "40").param("expiryMonths", "6")
                        .param("version", Long.toString(version)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Someone changed the points terms");
        assertThat(settings.current().pointsPerUnit()).isEqualByComparingTo("2");
    }

    @Test
    void theOwnersPageShowsTheBooksBalanced() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/loyalty/points").with(user(orders.owner())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("#points-balanced")).as(page.select("#points-reconciliation").text()).isNotNull();
    }

    @Test
    void theAccountPageShowsTheCustomersPointsAndTheHistoryPageOnlyTheirOwn() throws Exception {
        TestCustomer anna = orders.customer(OrderFixtures.unique("Points Anna"));
        TestCustomer ben = orders.customer(OrderFixtures.unique("Points Ben"));
        points.givePoints(anna, 1234);
        book.recordFrozen(anna.id(), "test:" + UUID.randomUUID(), 56, Instant.now().plus(Duration.ofDays(5)),
                Instant.now().plus(Duration.ofDays(300)));
        book.recordFrozen(ben.id(), "test:" + UUID.randomUUID(), 9876, Instant.now().plus(Duration.ofDays(5)), null);

        Document account = Jsoup.parse(mvc.perform(get("/account").with(user(anna.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(account.selectFirst("#points-available").text()).isEqualTo("1234");
        assertThat(account.selectFirst("#points-frozen").text()).contains("56");

        Document history = Jsoup.parse(mvc.perform(get("/account/points").with(user(anna.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(history.select("#points-history tbody tr")).hasSize(2);
        assertThat(history.text()).contains("+1234").contains("+56").doesNotContain("9876");

        TestCustomer nobody = orders.customer(OrderFixtures.unique("No Points"));
        Document none = Jsoup.parse(mvc.perform(get("/account").with(user(nobody.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(none.selectFirst("#points-box")).isNull();
        mvc.perform(get("/account/points")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aRedeemFormSentTwiceIssuesOneVoucherAndTakesThePointsOnce() throws Exception {
        TestCustomer buyer = points.customerWith("Redeemer", 1000);
        long template = template(5);
        rewards.price(template, 300, "test");
        String token = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/account/points/redeem").with(user(buyer.principal())).with(csrf())
                    .param("templateId", Long.toString(template)).param("formToken", token))
                    .andExpect(status().is3xxRedirection());
        }

        assertThat(vouchersOf(buyer, template)).isEqualTo(1);
        assertThat(book.availableOf(buyer.id())).isEqualTo(700);
    }

    @Test
    void aVoucherTheTemplateCannotGiveTakesNoPointsAndTooFewPointsAreRefused() throws Exception {
        TestCustomer buyer = points.customerWith("Limited Redeemer", 500);
        long template = template(1);
        rewards.price(template, 200, "test");
        vouchers.issue(template, List.of(buyer.id()), null);

        assertThat(rewards.redeem(buyer.id(), template, UUID.randomUUID().toString()))
                .isEqualTo(PointsRewards.Outcome.NOT_ISSUED);
        assertThat(book.availableOf(buyer.id())).isEqualTo(500);

        long dear = template(3);
        rewards.price(dear, 600, "test");
        assertThat(rewards.redeem(buyer.id(), dear, UUID.randomUUID().toString())).isEqualTo(PointsRewards.Outcome.TOO_FEW);
        assertThat(book.availableOf(buyer.id())).isEqualTo(500);
    }

    /** Two tabs redeem at the same moment, each for 300 of 500 points: one voucher, never below zero. */
    @Test
    void twoRedemptionsAtTheSameMomentNeverTakeTheBalanceBelowZero() throws Exception {
        TestCustomer buyer = points.customerWith("Race Redeemer", 500);
        long template = template(5);
        rewards.price(template, 300, "test");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<PointsRewards.Outcome>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                tries.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return rewards.redeem(buyer.id(), template, UUID.randomUUID().toString());
                }, pool));
            }
            assertThat(tries.stream().map(CompletableFuture::join).toList())
                    .containsExactlyInAnyOrder(PointsRewards.Outcome.REDEEMED, PointsRewards.Outcome.TOO_FEW);
        } finally {
            pool.shutdownNow();
        }
        assertThat(book.availableOf(buyer.id())).isEqualTo(200);
        assertThat(vouchersOf(buyer, template)).isEqualTo(1);
    }
}

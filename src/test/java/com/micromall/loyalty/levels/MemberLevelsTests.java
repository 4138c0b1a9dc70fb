package com.micromall.loyalty.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.loyalty.MemberLevelReached;
import com.micromall.loyalty.levels.LevelRecompute.Move;
import com.micromall.order.LineDiscount;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Member levels on PostgreSQL: the threshold, the recompute's rules (idempotent, never demoted mid-period), the member
 * discount at checkout and the owner's page. Levels apply to every checkout, so each test removes what it added.
 */
@MicromallTest
@RecordApplicationEvents
class MemberLevelsTests {

    private static final AtomicLong FAKE_ORDER = new AtomicLong(-1_000_000_000L - (System.nanoTime() % 1_000_000L));
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired MemberLevels levels;
    @Autowired LevelRecompute recompute;
    @Autowired LoyaltySpend spend;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEvents events;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;

    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        cleanUp();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM loyalty_membership").update();
        jdbc.sql("DELETE FROM loyalty_level").update();
        jdbc.sql("UPDATE loyalty_level_basis SET basis = 'SPEND' WHERE id = 1").update();
    }

    private void threeLevels() {
        levels.add(new MemberLevels.LevelTerms("Member", BigDecimal.ZERO, BigDecimal.ZERO), UUID.randomUUID().toString());
        levels.add(new MemberLevels.LevelTerms("Silver", new BigDecimal("100.00"), new BigDecimal("3")),
                UUID.randomUUID().toString());
        levels.add(new MemberLevels.LevelTerms("Gold", new BigDecimal("300.00"), new BigDecimal("5")),
                UUID.randomUUID().toString());
    }

    /** A completed order of {@code paid} (goods, after discounts) heard by loyalty at {@code at}; returns its id. */
    private long completed(long customerId, String paid, Instant at) {
        long orderId = FAKE_ORDER.decrementAndGet();
        Money amount = Money.of(paid, "CNY");
        spend.recordCompleted(new OrderCompleted(orderId, "MM-TEST" + orderId, customerId, at,
                List.of(new OrderLineSnapshot(orderId, 1, "Tea", 1, amount, amount, amount))));
        return orderId;
    }

    private void refunded(long customerId, long orderId, String amount, Instant at) {
        spend.recordRefunded(new OrderRefunded(orderId, "MM-TEST" + orderId, customerId, at,
                List.of(new RefundedLine(orderId, 1, 1, Money.of(amount, "CNY"))), Money.of(amount, "CNY"), false,
                "returned", "MM-TEST" + orderId + "-R1"));
    }

    private String levelName(long customerId) {
        return levels.levelOf(customerId).map(MemberLevel::name).orElse("none");
    }

    private long announcements(long customerId) {
        return events.stream(MemberLevelReached.class).filter(e -> e.customerId() == customerId).count();
    }

    private static Instant monthsAfter(Instant at, int months) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    @Test
    void spendExactlyAtTheThresholdReachesTheLevelAndOneCentBelowDoesNot() {
        threeLevels();
        TestCustomer exactly = orders.customer("Exactly Gold");
        TestCustomer below = orders.customer("One Cent Below");
        completed(exactly.id(), "300.00", T0);
        completed(below.id(), "299.99", T0);

        assertThat(recompute.recompute(exactly.id(), T0)).isEqualTo(Move.UP);
        assertThat(recompute.recompute(below.id(), T0)).isEqualTo(Move.UP);

        assertThat(levelName(exactly.id())).isEqualTo("Gold");
        assertThat(levelName(below.id())).isEqualTo("Silver");
    }

    @Test
    void recomputingTwiceLeavesTheSameStateAndAnnouncesTheMoveOnce() {
        threeLevels();
        TestCustomer buyer = orders.customer("Twice Recomputed");
        completed(buyer.id(), "320.00", T0);

        assertThat(recompute.recompute(buyer.id(), T0)).isEqualTo(Move.UP);
        Map<String, Object> first = membership(buyer.id());
        assertThat(recompute.recompute(buyer.id(), T0.plusSeconds(60))).isEqualTo(Move.NONE);
        assertThat(recompute.recompute(buyer.id(), T0.plusSeconds(120))).isEqualTo(Move.NONE);

        assertThat(membership(buyer.id())).isEqualTo(first);
        assertThat(levelName(buyer.id())).isEqualTo("Gold");
        assertThat(announcements(buyer.id())).as("one level reached, one mail").isEqualTo(1);
        assertThat(events.stream(MemberLevelReached.class).filter(e -> e.customerId() == buyer.id()).findFirst())
                .hasValueSatisfying(e -> {
                    assertThat(e.levelName()).isEqualTo("Gold");
                    assertThat(e.heldUntil()).isEqualTo(monthsAfter(T0, 12));
                });
    }

    @Test
    void theNightlyRunPlacesACustomerOnceHoweverOftenItRuns() {
        threeLevels();
        TestCustomer buyer = orders.customer("Nightly Gold");
        completed(buyer.id(), "305.00", Instant.now().minusSeconds(3600));

        recompute.recomputeNightly();
        Map<String, Object> first = membership(buyer.id());
        recompute.recomputeNightly();

        assertThat(levelName(buyer.id())).isEqualTo("Gold");
        assertThat(membership(buyer.id())).isEqualTo(first);
        assertThat(announcements(buyer.id())).isEqualTo(1);
    }

    @Test
    void aLevelIsNeverLostMidPeriodEvenWhenTheSpendLeavesTheWindow() {
        threeLevels();
        TestCustomer buyer = orders.customer("Held Gold");
        completed(buyer.id(), "300.00", T0);
        recompute.recompute(buyer.id(), T0);

        // Eleven months on, a second look finds the same spend; a day before the period ends nothing changes either.
        assertThat(recompute.recompute(buyer.id(), monthsAfter(T0, 11))).isEqualTo(Move.NONE);
        assertThat(recompute.recompute(buyer.id(), monthsAfter(T0, 12).minusSeconds(86_400))).isEqualTo(Move.NONE);
        assertThat(levelName(buyer.id())).isEqualTo("Gold");

        // Once the period is over, the spend has left the window: the level the spend reaches now (the one from 0).
        assertThat(recompute.recompute(buyer.id(), monthsAfter(T0, 12).plusSeconds(1))).isEqualTo(Move.DOWN);
        assertThat(levelName(buyer.id())).isEqualTo("Member");
        assertThat(announcements(buyer.id())).as("moving down is not announced").isEqualTo(1);
    }

    @Test
    void aRefundLowersTheSpendButDoesNotDemoteBeforeThePeriodEnds() {
        threeLevels();
        TestCustomer buyer = orders.customer("Refunding Gold");
        long order = completed(buyer.id(), "350.00", T0);
        recompute.recompute(buyer.id(), T0);
        refunded(buyer.id(), order, "200.00", monthsAfter(T0, 1));
        refunded(buyer.id(), order, "200.00", monthsAfter(T0, 1)); // the same refund heard twice counts once

        assertThat(spend.rollingSpendOf(buyer.id(), monthsAfter(T0, 2), java.util.Currency.getInstance("CNY")))
                .isEqualTo(Money.of("150.00", "CNY"));
        assertThat(recompute.recompute(buyer.id(), monthsAfter(T0, 2))).isEqualTo(Move.NONE);
        assertThat(levelName(buyer.id())).as("held for the period").isEqualTo("Gold");

        // A day before the period ends still Gold; after it, the first order has left the window with its refunds, and
        // the 20.00 spent since reach only the level from 0.
        completed(buyer.id(), "20.00", monthsAfter(T0, 6));
        assertThat(recompute.recompute(buyer.id(), monthsAfter(T0, 12).minusSeconds(86_400))).isEqualTo(Move.NONE);
        assertThat(levelName(buyer.id())).isEqualTo("Gold");
        assertThat(recompute.recompute(buyer.id(), monthsAfter(T0, 12).plusSeconds(3600))).isEqualTo(Move.DOWN);
        assertThat(levelName(buyer.id())).isEqualTo("Member");
    }

    @Test
    void underTheLifetimeBasisSpendOlderThanAYearStillCounts() throws Exception {
        threeLevels();
        jdbc.sql("UPDATE loyalty_level_basis SET basis = 'LIFETIME' WHERE id = 1").update();
        TestCustomer buyer = orders.customer("Lifetime Gold");
        completed(buyer.id(), "200.00", Instant.now().minusSeconds(3 * 365 * 86_400L));
        completed(buyer.id(), "100.00", Instant.now().minusSeconds(86_400));

        assertThat(recompute.recompute(buyer.id(), Instant.now())).isEqualTo(Move.UP);
        assertThat(levelName(buyer.id())).as("200.00 three years ago + 100.00 yesterday = 300.00").isEqualTo("Gold");

        jdbc.sql("UPDATE loyalty_level_basis SET basis = 'SPEND' WHERE id = 1").update();
        assertThat(levels.standingOf(buyer.id()).progress()).as("the rolling year sees only yesterday's")
                .isEqualByComparingTo("100.00");
        jdbc.sql("UPDATE loyalty_level_basis SET basis = 'LIFETIME' WHERE id = 1").update();
        Document account = Jsoup.parse(mvc.perform(get("/account").with(user(buyer.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(account.selectFirst("#member-level-spend").text()).isEqualTo("CN¥300.00 spent with us so far");
        Document admin = Jsoup.parse(mvc.perform(get("/admin/loyalty/levels").with(user(orders.owner()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(admin.selectFirst("label[for=threshold]").text()).isEqualTo("Spend in all from");
        assertThat(admin.selectFirst("#basis-LIFETIME").hasAttr("checked")).isTrue();
    }

    @Test
    void reachingTheLevelAgainWhenThePeriodEndsKeepsItForAnotherYear() {
        threeLevels();
        TestCustomer buyer = orders.customer("Loyal Gold");
        completed(buyer.id(), "300.00", T0);
        recompute.recompute(buyer.id(), T0);
        completed(buyer.id(), "310.00", monthsAfter(T0, 10));

        Instant end = monthsAfter(T0, 12).plusSeconds(60);
        assertThat(recompute.recompute(buyer.id(), end)).isEqualTo(Move.RENEWED);
        assertThat(levelName(buyer.id())).isEqualTo("Gold");
        assertThat(membership(buyer.id()).get("held_until").toString()).startsWith("2028-03-01");
        assertThat(announcements(buyer.id())).isEqualTo(1);
    }

    @Test
    void theMemberDiscountIsADiscountLineSpreadOverTheLinesAndTheCommissionBaseIsWhatWasPaid() throws Exception {
        threeLevels();
        LedgerFixtures ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
        TestCustomer sharer = ledger.distributor("Level Sharer");
        TestCustomer buyer = orders.customer("Gold Buyer");
        completed(buyer.id(), "400.00", Instant.now());
        recompute.recompute(buyer.id(), Instant.now());
        ledger.bind(buyer, sharer);
        long tea = orders.product("Level tea", "33.33", 20);
        long cup = orders.product("Level cup", "12.34", 20);

        String number = ledger.place(buyer, Map.of(tea, 3, cup, 1), "7 Level Road", "200000");

        var order = orderService.order(number);
        Money goods = Money.of("112.33", "CNY");
        assertThat(order.goodsTotal()).isEqualTo(goods);
        assertThat(order.discounts()).filteredOn(d -> d.source().equals(MemberDiscounts.SOURCE)).singleElement()
                .satisfies(d -> {
                    assertThat(d.amount()).as("5 % of 112.33, rounded down").isEqualTo(Money.of("5.61", "CNY"));
                    assertThat(d.labelKey()).isEqualTo("loyalty.levels.discount.label");
                    assertThat(d.labelArgs()).containsExactly("Gold", "5");
                });
        Money paid = order.lines().stream().map(l -> l.paidAmount()).reduce(Money::plus).orElseThrow();
        assertThat(paid).isEqualTo(goods.minus(order.discountTotal()));

        ledger.complete(number);
        OrderCompleted completed = events.stream(OrderCompleted.class).filter(e -> e.orderNumber().equals(number))
                .findFirst().orElseThrow();
        Money memberParts = completed.lines().stream().map(l -> l.discountFrom(MemberDiscounts.SOURCE))
                .reduce(Money::plus).orElseThrow();
        assertThat(memberParts).as("the lines' member parts add up to the member line").isEqualTo(Money.of("5.61", "CNY"));
        for (OrderLineSnapshot line : completed.lines()) {
            Money lineDiscounts = line.discounts().stream().map(LineDiscount::amount)
                    .reduce(Money.zero(line.lineTotal().currency()), Money::plus);
            assertThat(line.paidAmount()).isEqualTo(line.lineTotal().minus(lineDiscounts));
            BigDecimal base = jdbc.sql("SELECT paid_amount FROM commission_snapshot_line WHERE line_id = :l")
                    .param("l", line.lineId()).query(BigDecimal.class).single();
            assertThat(base).as("the commission base is what the buyer paid for the line")
                    .isEqualByComparingTo(line.paidAmount().amount());
        }
    }

    @Test
    void theSameLevelFormPostedTwiceAddsOneLevel() throws Exception {
        CustomerPrincipal owner = orders.owner();
        String token = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/loyalty/levels").with(user(owner)).with(csrf()).locale(Locale.ENGLISH)
                            .param("name", "Platinum").param("threshold", "5000").param("discountPercent", "8")
                            .param("formToken", token))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_level WHERE name = 'Platinum'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aWrongLevelFormComesBackWithMessagesAndWhatWasTyped() throws Exception {
        CustomerPrincipal owner = orders.owner();
        Document page = Jsoup.parse(mvc.perform(post("/admin/loyalty/levels").with(user(owner)).with(csrf())
                        .locale(Locale.ENGLISH).param("name", "Diamond").param("threshold", "lots")
                        .param("discountPercent", "95").param("formToken", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#name").val()).isEqualTo("Diamond");
        assertThat(page.selectFirst("#threshold").val()).isEqualTo("lots");
        assertThat(page.selectFirst("#threshold-error").text()).contains("0 or more");
        assertThat(page.selectFirst("#discountPercent-error").text()).contains("from 0 to 90");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_level").query(Long.class).single()).isZero();
    }

    @Test
    void theOwnerSeesHowManyMembersEachLevelHas() throws Exception {
        threeLevels();
        TestCustomer buyer = orders.customer("Counted Gold");
        completed(buyer.id(), "300.00", T0);
        recompute.recompute(buyer.id(), Instant.now());
        Document page = Jsoup.parse(mvc.perform(get("/admin/loyalty/levels").with(user(orders.owner()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#levels-table tbody tr td.fw-semibold").eachText()).containsExactly("Member", "Silver", "Gold");
        assertThat(page.select("#levels-table tbody tr td[data-column=members]").eachText()).containsExactly("0", "0", "1");
    }

    @Test
    void staffAreRefusedTheLevelsPage() throws Exception {
        TestCustomer account = orders.customer("Level Staff");
        CustomerPrincipal staff = new CustomerPrincipal(account.id(), account.email(), "x", account.name(),
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
        mvc.perform(get("/admin/loyalty/levels").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/levels").with(user(staff)).with(csrf()).param("name", "Staff level")
                .param("threshold", "1").param("discountPercent", "50").param("formToken", "x"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_level").query(Long.class).single()).isZero();
    }

    @Test
    void aMemberSeesTheMemberPriceOnProductPagesAndTheProgressOnTheAccountPage() throws Exception {
        threeLevels();
        TestCustomer buyer = orders.customer("Silver Reader");
        completed(buyer.id(), "180.00", Instant.now());
        recompute.recompute(buyer.id(), Instant.now());
        long product = orders.product("Member tea", "89.00", 10);

        Document productPage = Jsoup.parse(mvc.perform(get("/products/" + product).with(user(buyer.principal()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(productPage.selectFirst("#member-price").text()).contains("Silver member price CN¥86.33");
        Document anonymous = Jsoup.parse(mvc.perform(get("/products/" + product).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(anonymous.selectFirst("#member-price")).isNull();
        Document list = Jsoup.parse(mvc.perform(get("/products").param("q", "Member tea").with(user(buyer.principal()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.select(".mm-product-card .mm-member-price-tile").eachText()).contains("Silver CN¥86.33");
        assertThat(list.selectFirst(".mm-member-price-tile").attr("aria-label")).isEqualTo("Silver member price CN¥86.33");

        Document account = Jsoup.parse(mvc.perform(get("/account").with(user(buyer.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(account.selectFirst("#member-level-name").text()).isEqualTo("Silver");
        assertThat(account.selectFirst("#member-level-next").text()).isEqualTo("CN¥120.00 more this year to Gold (5 % off)");
    }

    private Map<String, Object> membership(long customerId) {
        return jdbc.sql("SELECT level_id, reached_at, held_until FROM loyalty_membership WHERE customer_id = :c")
                .param("c", customerId).query().singleRow();
    }
}

package com.micromall.distribution.dashboard;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.LedgerFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** /distribution: the logged-in distributor's own figures, invitees, ledger, QR code and honour roll. */
@MicromallTest
class DistributorDashboardPageTests {

    /**
     * Transactions one dashboard view commits: the page's dozen reads together, and three outside them (the header's
     * and the enrolment check, which may enrol).
     */
    static final int DASHBOARD_TRANSACTIONS = 4;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DistributionApi distribution;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionSettingsService settings;
    @Autowired QueryCounter queries;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(DistributionSettings.EnrolmentRule.EVERYONE, new BigDecimal("10"),
                BigDecimal.ZERO, s.attributionDays(), 7, DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null,
                "Try this shop: {link}\nMy favourite tea {link} !"), "test");
    }

    @AfterEach
    void restore() {
        settings.update(original, "test");
    }

    private String codeOf(TestCustomer distributor) {
        return jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", distributor.id())
                .query(String.class).single();
    }

    private void clicks(String code, int n) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("INSERT INTO referral_click (code, clicked_at, landing_path, visitor_hash) VALUES (:c, :at, '/', 'h')")
                    .param("c", code).param("at", Timestamp.from(Instant.now())).update();
        }
        fixtures.totals(jdbc.sql("SELECT customer_id FROM distributor WHERE code = :c").param("c", code)
                .query(Long.class).single());
    }

    private Document page(TestCustomer who) throws Exception {
        return page(who, "/distribution");
    }

    private Document page(TestCustomer who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).locale(Locale.ENGLISH).with(user(who.principal())))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static String text(Document page, String id) {
        return page.getElementById(id).text().replace('\u00a0', ' ');
    }

    @Test
    void theDashboardIssuesTheSameStatementsForOneAndForSixFriendsWithOrders() throws Exception {
        long tea = fixtures.orders.product("Tea", "40.00", 50);
        TestCustomer few = fixtures.distributor("Few Friends");
        TestCustomer many = fixtures.distributor("Many Friends");
        fixtures.complete(fixtures.place(fixtures.referredBy(few, "Only Friend"), tea, 1));
        for (int i = 0; i < 6; i++) {
            TestCustomer friend = fixtures.referredBy(many, "Friend " + i);
            fixtures.complete(fixtures.place(friend, tea, 1));
            fixtures.place(friend, tea, 1);
        }
        page(few);
        page(many);

        int forFew = queries.count(() -> page(few));
        int forMany = queries.count(() -> page(many));

        assertThat(forMany).as("statements for six friends with orders vs one").isEqualTo(forFew);
    }

    @Test
    void theDashboardReadsItsFiguresInOneTransaction() throws Exception {
        long tea = fixtures.orders.product("Tea", "40.00", 50);
        TestCustomer sharer = fixtures.distributor("One Transaction");
        fixtures.complete(fixtures.place(fixtures.referredBy(sharer, "Friend"), tea, 1));
        page(sharer);

        assertThat(queries.commits(() -> page(sharer))).isLessThanOrEqualTo(DASHBOARD_TRANSACTIONS);
    }

    @Test
    void aVisitorIsSentToTheLoginPage() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/distribution")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/distribution/qr.png")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void figuresCountClicksSignUpsFirstOrdersConversionAndGmvExactly() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna Sharer");
        long tea = fixtures.orders.product("Tea", "40.00", 50);
        long pot = fixtures.orders.product("Pot", "60.00", 50);
        TestCustomer ben = fixtures.referredBy(anna, "Benedict");
        TestCustomer chen = fixtures.referredBy(anna, "Chen");
        fixtures.referredBy(anna, "王小明");
        clicks(codeOf(anna), 4);
        String completed = fixtures.place(ben, tea, 1);
        fixtures.complete(completed);
        fixtures.place(chen, pot, 1);

        Document page = page(anna);

        assertThat(text(page, "figure-clicks")).isEqualTo("4");
        assertThat(text(page, "figure-signups")).isEqualTo("3");
        assertThat(text(page, "figure-first-orders")).isEqualTo("2");
        assertThat(text(page, "figure-order-conversion")).isEqualTo("66.7 %");
        assertThat(text(page, "figure-signup-conversion")).isEqualTo("75 %");
        assertThat(text(page, "figure-gmv")).contains("100.00");
        assertThat(text(page, "money-frozen")).contains("4.00");
        assertThat(text(page, "money-expected")).contains("6.00");
        assertThat(text(page, "money-available")).contains("0.00");
        assertThat(page.getElementById("next-unfreeze")).isNotNull();
        assertThat(page.select("#weekly-chart rect.mm-chart-credit title").last().text()).contains("4.00");
        assertThat(page.select("#weekly-chart rect.mm-chart-signup title").last().text()).contains("3 sign-ups");
        assertThat(page.select("a#withdraw-link").attr("href")).isEqualTo("/distribution/withdrawals");
        assertThat(page.select("a#rewards-link").attr("href")).isEqualTo("/distribution/rewards");
    }

    @Test
    void withoutClicksConversionShowsADashInsteadOfDividingByZero() throws Exception {
        TestCustomer dina = fixtures.distributor("Dina");
        fixtures.referredBy(dina, "Typed Code");

        Document page = page(dina);

        assertThat(text(page, "figure-clicks")).isEqualTo("0");
        assertThat(text(page, "figure-signup-conversion")).isEqualTo("–");
        assertThat(text(page, "figure-order-conversion")).isEqualTo("0 %");
        assertThat(page.getElementById("next-unfreeze")).isNull();
    }

    @Test
    void inviteesAreMaskedWithJoinedDateAndWhetherTheyOrderedAndNoContactData() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna");
        long tea = fixtures.orders.product("Tea", "40.00", 50);
        TestCustomer buyer = fixtures.referredBy(anna, "Benedict");
        TestCustomer idle = fixtures.referredBy(anna, "王小明");
        fixtures.place(buyer, tea, 1);

        Document page = page(anna);

        assertThat(page.select("#invitee-list .mm-invitee").eachText())
                .containsExactlyInAnyOrder("B***t joined " + joined(page, 0) + " Came through your link Has ordered",
                        "王***明 joined " + joined(page, 1) + " Came through your link Not ordered yet");
        String html = page.html();
        assertThat(html).doesNotContain("Benedict").doesNotContain("王小明")
                .doesNotContain(buyer.email()).doesNotContain(idle.email()).doesNotContain("555-0100").doesNotContain("Tea-");
    }

    private static String joined(Document page, int index) {
        return page.select("#invitee-list .mm-invitee").get(index).selectFirst(".small").text().replace("joined ", "");
    }

    @Test
    void theLedgerShowsEachEntryWithMaskedBuyerLevelStateTimelineAndReversalsWithTheirReason() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna");
        long tea = fixtures.orders.product("Tea", "20.00", 50);
        TestCustomer ben = fixtures.referredBy(anna, "Benedict");
        String number = fixtures.place(ben, tea, 2);
        fixtures.complete(number);
        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);

        Document page = page(anna);

        var rows = page.select("#ledger-list .mm-ledger-row");
        assertThat(rows).hasSize(2);
        String reversal = rows.get(0).text().replace('\u00a0', ' ');
        assertThat(reversal).contains("Refund reversal").contains("Order " + number + " · B***t").contains("-")
                .contains("2.00").contains("Refunded before the return window ended: 1 of 2 units");
        assertThat(rows.get(0).select(".mm-entry-steps li").eachText())
                .anySatisfy(step -> assertThat(step).startsWith("refunded "));
        String commission = rows.get(1).text().replace('\u00a0', ' ');
        assertThat(commission).contains("Commission").contains("Level 1").contains("4.00").contains("B***t")
                .contains("Frozen until the return window ends");
        assertThat(rows.get(1).select(".mm-entry-steps li").eachText())
                .anySatisfy(step -> assertThat(step).startsWith("placed "))
                .anySatisfy(step -> assertThat(step).startsWith("completed "))
                .anySatisfy(step -> assertThat(step).startsWith("frozen until "))
                .anySatisfy(step -> assertThat(step).startsWith("partly refunded "))
                .last().satisfies(step -> assertThat(step).startsWith("withdrawable from "));
        assertThat(page.html()).doesNotContain("Benedict");
    }

    @Test
    void anotherDistributorsInviteesOrdersAndMoneyNeverAppear() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna");
        TestCustomer zed = fixtures.distributor("Zed");
        long tea = fixtures.orders.product("Tea", "30.00", 50);
        TestCustomer zedsFriend = fixtures.referredBy(zed, "Quentin Other");
        String zedsOrder = fixtures.place(zedsFriend, tea, 1);
        fixtures.complete(zedsOrder);
        clicks(codeOf(zed), 5);

        Document page = page(anna);

        assertThat(page.html()).doesNotContain(zedsOrder).doesNotContain("Q***r").doesNotContain(codeOf(zed));
        assertThat(text(page, "figure-clicks")).isEqualTo("0");
        assertThat(text(page, "money-frozen")).contains("0.00");
        assertThat(page.select("#ledger-list")).isEmpty();
        assertThat(page.select("#invitee-list")).isEmpty();
        assertThat(page.select("#share-link").val()).endsWith("/r/" + codeOf(anna));
    }

    @Test
    void theQrCodeIsAPngThatDecodesToTheAbsoluteShareLink() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna");

        MockHttpServletResponse response = mvc.perform(get("/distribution/qr.png").with(user(anna.principal())))
                .andReturn().getResponse();

        assertThat(response.getContentType()).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo("http://localhost/r/" + codeOf(anna));
        assertThat(mvc.perform(get("/distribution/qr.png").param("download", "1").with(user(anna.principal())))
                .andReturn().getResponse().getHeader("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void shareTextsHaveTheLinkFilledInEachWithACopyButton() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna");
        String link = "http://localhost/r/" + codeOf(anna);

        Document page = page(anna);

        assertThat(page.select("textarea.mm-share-text").eachText())
                .containsExactly("Try this shop: " + link, "My favourite tea " + link + " !");
        assertThat(page.select("button.mm-copy[data-copy-target^=share-text-]")).hasSize(2);
        assertThat(page.select("button.mm-copy").attr("data-copied")).isEqualTo("Copied!");
        assertThat(page.select("script[src~=^/js/share-[0-9a-f]{32}\\.js$]")).hasSize(1);
    }

    @Test
    void notYetActiveCustomersGetAFriendlyPageForTheirState() throws Exception {
        TestCustomer pending = fixtures.orders.customer("Pending Pat");
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'PENDING', :at)")
                .param("c", pending.id()).param("code", OrderFixtures.unique("").substring(1, 9).toUpperCase())
                .param("at", Timestamp.from(Instant.now())).update();
        fixtures.totals(pending.id());
        TestCustomer suspended = fixtures.distributor("Suspended Sam");
        jdbc.sql("UPDATE distributor SET status = 'SUSPENDED' WHERE customer_id = :c").param("c", suspended.id()).update();

        Document pendingPage = page(pending);
        assertThat(pendingPage.getElementById("state-PENDING")).isNotNull();
        assertThat(pendingPage.select("a[href=/distribution/invited-by]")).hasSize(1);
        assertThat(pendingPage.getElementById("share-link")).isNull();
        assertThat(page(suspended).getElementById("state-SUSPENDED")).isNotNull();
        assertThat(mvc.perform(get("/distribution/qr.png").with(user(suspended.principal()))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void underTheApprovalRuleACustomerWithoutEnrolmentIsOfferedToApply() throws Exception {
        DistributionSettings s = settings.current();
        settings.update(new DistributionSettings(DistributionSettings.EnrolmentRule.APPROVAL, s.level1Percent(),
                s.level2Percent(), s.attributionDays(), s.returnWindowDays(), s.welcomeKind(), s.welcomeValue(),
                s.welcomeCap(), s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(),
                s.monthlyBudget(), s.shareTexts()), "test");
        TestCustomer newcomer = fixtures.orders.customer("Newcomer");

        Document page = page(newcomer);

        assertThat(page.getElementById("state-APPLY")).isNotNull();
        assertThat(page.select("form[action=/distribution/apply]")).hasSize(1);
    }

    @Test
    void aProductPageShowsTheShareBoxWithTheProductLinkOnlyToActiveDistributors() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna");
        TestCustomer pending = fixtures.orders.customer("Not Sharing");
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'PENDING', :at)")
                .param("c", pending.id()).param("code", OrderFixtures.unique("").substring(1, 9).toUpperCase())
                .param("at", Timestamp.from(Instant.now())).update();
        fixtures.totals(pending.id());
        long tea = fixtures.orders.product("Tea", "30.00", 5);

        Document page = page(anna, "/products/" + tea);

        assertThat(page.select("#product-share-link").val())
                .isEqualTo("http://localhost/r/" + codeOf(anna) + "?next=/products/" + tea);
        assertThat(page(pending, "/products/" + tea).getElementById("share-box")).isNull();
        assertThat(Jsoup.parse(mvc.perform(get("/products/" + tea)).andReturn().getResponse().getContentAsString())
                .getElementById("share-box")).isNull();
        assertThat(page.select("nav a[href=/distribution]")).hasSize(1);
    }

    @Test
    void theHonourRollShowsOnlyOptedInDisplayNamesRankedByThisMonthsFirstOrders() throws Exception {
        long tea = fixtures.orders.product("Tea", "10.00", 50);
        TestCustomer quiet = fixtures.distributor("Quiet Top Sharer");
        for (String friend : new String[] {"F1", "F2", "F3"}) {
            fixtures.place(fixtures.referredBy(quiet, friend), tea, 1);
        }
        TestCustomer proud = fixtures.distributor("Proud Real Name");
        fixtures.place(fixtures.referredBy(proud, "P1"), tea, 1);
        fixtures.place(fixtures.referredBy(proud, "P2"), tea, 1);
        TestCustomer modest = fixtures.distributor("Modest Real Name");
        fixtures.place(fixtures.referredBy(modest, "M1"), tea, 1);
        String proudName = OrderFixtures.unique("Tea<b>Lover").substring(0, 20);
        String modestName = OrderFixtures.unique("Modest").substring(0, 15);

        mvc.perform(post("/distribution/honour-roll").with(csrf()).with(user(proud.principal()))
                .param("displayName", proudName).param("action", "join"));
        mvc.perform(post("/distribution/honour-roll").with(csrf()).with(user(modest.principal()))
                .param("displayName", modestName).param("action", "join"));

        Document page = page(modest);
        var board = page.select("#honour-board li").eachText();
        assertThat(board).anySatisfy(line -> assertThat(line).isEqualTo(proudName))
                .anySatisfy(line -> assertThat(line).isEqualTo(modestName + " (you)"));
        assertThat(board.indexOf(proudName)).isLessThan(board.indexOf(modestName + " (you)"));
        assertThat(page.select("#honour-board").html()).contains("Tea&lt;b&gt;Lover").doesNotContain("<b>");
        assertThat(page.html()).doesNotContain("Quiet Top Sharer").doesNotContain("Q***r").doesNotContain("Proud Real Name");

        mvc.perform(post("/distribution/honour-roll").with(csrf()).with(user(proud.principal()))
                .param("displayName", proudName).param("action", "leave"));
        assertThat(page(modest).select("#honour-board li").eachText()).doesNotContain(proudName);
    }

    @Test
    void aTooLongOrBlankHonourNameIsRefusedNextToTheFieldKeepingTheInput() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna");
        String tooLong = "x".repeat(31);

        MockHttpServletResponse response = mvc.perform(post("/distribution/honour-roll").with(csrf())
                .with(user(anna.principal())).locale(Locale.ENGLISH).param("displayName", tooLong).param("action", "join"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#displayName").val()).isEqualTo(tooLong);
        assertThat(page.select("#honour-form .invalid-feedback").text()).isEqualTo("Please use at most 30 characters.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM honour_roll WHERE customer_id = :c").param("c", anna.id())
                .query(Long.class).single()).isZero();
        assertThat(mvc.perform(post("/distribution/honour-roll").with(csrf()).with(user(anna.principal()))
                .param("displayName", "  ").param("action", "join")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theLedgerShowsTheNewestTenEntriesAndShowAllListsEveryOne() throws Exception {
        TestCustomer anna = fixtures.distributor("Ledger Many");
        long line = 4_000_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000;
        Instant first = Instant.now().minus(java.time.Duration.ofDays(2));
        for (int i = 0; i < 12; i++) {
            jdbc.sql("""
                    INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id,
                        level, kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                    VALUES (:d, :d, -1, :number, :line, 1, 1, 'COMMISSION', 1, '10%', 1.00, 'CNY', 'FROZEN', :at, :at)""")
                    .param("d", anna.id()).param("number", "MM-LEDGER-" + i).param("line", line + i)
                    .param("at", Timestamp.from(first.plus(java.time.Duration.ofMinutes(i)))).update();
        }
        fixtures.totals(anna.id());

        Document page = page(anna);
        assertThat(page.select("#ledger-list > li")).hasSize(10);
        assertThat(page.select("#ledger-list").text()).contains("MM-LEDGER-11", "MM-LEDGER-2").doesNotContain("MM-LEDGER-0");
        assertThat(page.getElementById("ledger-all")).isNotNull();

        Document all = page(anna, "/distribution?ledger=all");
        assertThat(all.select("#ledger-list > li")).hasSize(12);
        assertThat(all.getElementById("ledger-all")).isNull();
    }

    @Test
    void entryDetailsNeverDescribeAnotherDistributorsEntries() {
        TestCustomer anna = fixtures.distributor("Details Anna");
        TestCustomer ben = fixtures.distributor("Details Ben");
        long line = 5_000_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000;
        long annas = entry(anna, line);
        long bens = entry(ben, line + 1);

        assertThat(distribution.entryDetailsOf(anna.id(), List.of(annas, bens))).containsOnlyKeys(annas);
    }

    private long entry(TestCustomer distributor, long line) {
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id,
                    level, kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, :d, -1, 'MM-DETAILS', :line, 1, 1, 'COMMISSION', 1, '10%', 1.00, 'CNY', 'FROZEN', :at, :at)""")
                .param("d", distributor.id()).param("line", line).param("at", Timestamp.from(Instant.now())).update();
        return jdbc.sql("SELECT id FROM commission_entry WHERE line_id = :line").param("line", line)
                .query(Long.class).single();
    }
}

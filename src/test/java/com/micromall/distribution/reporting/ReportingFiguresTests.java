package com.micromall.distribution.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.CommissionVoided;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralCodes;
import com.micromall.distribution.referral.ReferralSource;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.PaymentMethod;
import com.micromall.order.RefundedLine;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import com.micromall.support.Outbox;
import com.micromall.support.QueryCounter;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One figure, one definition: the dashboard, the owner's roll, its CSV and the yearly statement count a
 * distributor's referred customers, orders and GMV alike (orders not cancelled; goods paid less refunds, without
 * shipping), conversions are shares of one population, and redelivered order events change nothing.
 */
@MicromallTest
class ReportingFiguresTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ReferralBindings bindings;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired QueryCounter queries;
    @Autowired Outbox outbox;

    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
    }

    /** A distributor whose two friends ordered: one order partly refunded, one cancelled, one open. */
    private record Story(TestCustomer anna, String name, List<String> orders, BigDecimal gmv) {
    }

    private Story story(String label) {
        String name = OrderFixtures.unique(label);
        TestCustomer anna = distributor(name);
        TestCustomer ben = fixtures.orders.customer(label + " Ben");
        TestCustomer carl = fixtures.orders.customer(label + " Carl");
        assertThat(bindings.bind(ben.id(), codeOf(anna), ReferralSource.LINK, null)).hasToString("BOUND");
        assertThat(bindings.bind(carl.id(), codeOf(anna), ReferralSource.TYPED_AT_REGISTRATION, null)).hasToString("BOUND");
        long tea = fixtures.orders.product(label + " Tea", "100.00", 50);

        String refunded = fixtures.place(ben, tea, 3);
        fixtures.complete(refunded);
        fixtures.refund(refunded, fixtures.lineIds(refunded).get(0), 1);
        String cancelled = fixtures.place(ben, tea, 1);
        orderService.cancelByCustomer(ben.id(), cancelled);
        String open = fixtures.place(carl, tea, 2);
        List<String> orders = List.of(refunded, cancelled, open);
        settled(orders);

        // What a shop owner calls the friends' purchases: goods paid, less goods refunded, cancelled orders left out.
        BigDecimal gmv = jdbc.sql("""
                SELECT SUM(l.paid_amount - l.refunded_amount) FROM order_line l JOIN shop_order o ON o.id = l.order_id
                WHERE o.number IN (:n) AND o.status <> 'CANCELLED'""").param("n", orders).query(BigDecimal.class).single();
        BigDecimal shipping = jdbc.sql("SELECT SUM(shipping_fee) FROM shop_order WHERE number IN (:n)")
                .param("n", orders).query(BigDecimal.class).single();
        assertThat(shipping).as("shipping is charged, so leaving it out matters").isPositive();
        return new Story(anna, name, orders, gmv);
    }

    /** A distributor with a code that follows the house alphabet, so links and typed codes find it. */
    private TestCustomer distributor(String name) {
        TestCustomer distributor = fixtures.distributor(name);
        jdbc.sql("UPDATE distributor SET code = :code WHERE customer_id = :c").param("code", ReferralCodes.next())
                .param("c", distributor.id()).update();
        return distributor;
    }

    /** Waits until every distribution listener has handled every event of these orders. */
    private void settled(List<String> numbers) {
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.incomplete(Object.class, e -> numbers.stream()
                        .anyMatch(n -> Outbox.aboutOrder(e, n) || aboutCommission(e, n)))
                .stream().noneMatch(p -> Outbox.forListenerIn(p, "com.micromall.distribution")));
    }

    private static boolean aboutCommission(Object event, String orderNumber) {
        return event instanceof CommissionCredited c && c.orderNumber().equals(orderNumber)
                || event instanceof CommissionVoided v && v.orderNumber().equals(orderNumber);
    }

    private String codeOf(TestCustomer distributor) {
        return jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", distributor.id())
                .query(String.class).single();
    }

    private Document dashboard(TestCustomer distributor) throws Exception {
        return Jsoup.parse(mvc.perform(get("/distribution").locale(Locale.ENGLISH).with(user(distributor.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private Element rollRow(Story story) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/distributors").param("q", story.name()).locale(Locale.ENGLISH)
                        .with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return page.selectFirst("#distributor-" + story.anna().id());
    }

    private List<CSVRecord> csv(String path, String... params) throws Exception {
        var request = get(path).locale(Locale.ENGLISH).with(user(OWNER).roles("OWNER"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        byte[] body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(new ByteArrayInputStream(body))
                .get(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private static BigDecimal amountIn(String text) {
        return new BigDecimal(text.replaceAll("[^0-9.\\-]", ""));
    }

    @Test
    void theDashboardTheRollItsCsvAndTheStatementCountTheSameOrdersAndGmvWithRefundsAndCancellations() throws Exception {
        Story story = story("Same Figures");

        Document dashboard = dashboard(story.anna());
        Element row = rollRow(story);
        CSVRecord csv = csv("/admin/distributors.csv", "q", story.name()).get(0);
        List<CSVRecord> statement = csv("/admin/distributors/" + story.anna().id() + "/statement.csv",
                "year", Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear()));
        CSVRecord year = statement.get(statement.size() - 1);

        assertThat(amountIn(dashboard.selectFirst("#figure-gmv").text())).isEqualByComparingTo(story.gmv());
        assertThat(amountIn(row.select("td").get(5).text())).isEqualByComparingTo(story.gmv());
        assertThat(new BigDecimal(csv.get("GMV"))).isEqualByComparingTo(story.gmv());
        assertThat(new BigDecimal(year.get("GMV"))).isEqualByComparingTo(story.gmv());

        assertThat(dashboard.selectFirst("#figure-orders").text()).isEqualTo("2");
        assertThat(row.select("td").get(4).text()).isEqualTo("2");
        assertThat(csv.get("Orders")).isEqualTo("2");
        assertThat(year.get("Orders")).isEqualTo("2");

        assertThat(dashboard.selectFirst("#figure-signups").text()).isEqualTo("2");
        assertThat(row.select("td").get(3).text()).isEqualTo("2");
        assertThat(csv.get("Referred customers")).isEqualTo("2");
        assertThat(year.get("Referred customers")).isEqualTo("2");
        assertThat(dashboard.selectFirst("#figure-first-orders").text()).isEqualTo("2");

        assertThat(dashboard.selectFirst("#figures-help").text()).contains("refunds", "shipping");
    }

    @Test
    void conversionsAreSharesOfOnePopulationAndNeverExceedAHundredPercent() throws Exception {
        TestCustomer anna = distributor(OrderFixtures.unique("Converting Anna"));
        String code = codeOf(anna);
        // One visitor follows the link three times (one click a day), signs up through it; two friends type the code.
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/r/" + code).header("User-Agent", "ConversionAgent/1.0")).andExpect(status().is3xxRedirection());
        }
        bindings.bind(fixtures.orders.customer("Converting Ben").id(), code, ReferralSource.LINK, null);
        bindings.bind(fixtures.orders.customer("Converting Carl").id(), code, ReferralSource.TYPED_AT_REGISTRATION, null);
        bindings.bind(fixtures.orders.customer("Converting Dora").id(), code, ReferralSource.TYPED_LATER, null);

        Document page = dashboard(anna);

        assertThat(page.selectFirst("#figure-clicks").text()).isEqualTo("1");
        assertThat(page.selectFirst("#figure-signups").text()).isEqualTo("3");
        for (String id : List.of("#figure-signup-conversion", "#figure-order-conversion")) {
            String text = page.selectFirst(id).text();
            assertThat(amountIn(text)).as(id + " " + text).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        }
        assertThat(page.selectFirst("#figure-signup-conversion").text()).isEqualTo("100 %");
        assertThat(page.selectFirst("#figure-order-conversion").text()).isEqualTo("0 %");
    }

    @Test
    void aRedeliveredOrderEventChangesNoFigure() throws Exception {
        Story story = story("Redelivered");
        String before = figuresOf(story);

        String refunded = story.orders().get(0);
        String cancelled = story.orders().get(1);
        long buyer = jdbc.sql("SELECT customer_id FROM shop_order WHERE number = :n").param("n", refunded)
                .query(Long.class).single();
        String ledgerRef = jdbc.sql("""
                SELECT MIN(refund_ref) FROM commission_refund_handled h JOIN shop_order o ON o.id = h.order_id
                WHERE o.number = :n""").param("n", refunded).query(String.class).single();
        Instant refundedAt = Instant.parse(ledgerRef.substring(0, ledgerRef.indexOf('#')));
        String refundId = jdbc.sql("""
                SELECT MIN(refund_ref) FROM report_order_refund r JOIN shop_order o ON o.id = r.order_id
                WHERE o.number = :n""").param("n", refunded).query(String.class).single();
        Currency currency = Currency.getInstance(jdbc.sql("SELECT currency FROM shop_order WHERE number = :n")
                .param("n", refunded).query(String.class).single());
        List<OrderLineSnapshot> lines = new ArrayList<>();
        List<RefundedLine> refundedLines = new ArrayList<>();
        jdbc.sql("""
                SELECT l.id, l.product_id, l.product_name, l.quantity, l.unit_price, l.line_total, l.paid_amount,
                    l.refunded_quantity, l.refunded_amount FROM order_line l JOIN shop_order o ON o.id = l.order_id
                WHERE o.number = :n""").param("n", refunded).query(rs -> {
                    lines.add(new OrderLineSnapshot(rs.getLong("id"), rs.getLong("product_id"), rs.getString("product_name"),
                            rs.getInt("quantity"), Money.of(rs.getBigDecimal("unit_price"), currency),
                            Money.of(rs.getBigDecimal("line_total"), currency), Money.of(rs.getBigDecimal("paid_amount"), currency)));
                    refundedLines.add(new RefundedLine(rs.getLong("id"), rs.getLong("product_id"),
                            rs.getInt("refunded_quantity"), Money.of(rs.getBigDecimal("refunded_amount"), currency)));
                });
        long refundedId = orderId(refunded);
        Money goods = lines.stream().map(OrderLineSnapshot::paidAmount).reduce(Money.zero(currency), Money::plus);
        Money refundedGoods = refundedLines.stream().map(RefundedLine::amount).reduce(Money.zero(currency), Money::plus);
        transactions.executeWithoutResult(s -> {
            events.publishEvent(new OrderPlaced(refundedId, refunded, buyer, Instant.now(), lines, goods,
                    Money.zero(currency), Money.zero(currency), goods, PaymentMethod.BANK_TRANSFER));
            events.publishEvent(new OrderRefunded(refundedId, refunded, buyer, refundedAt, refundedLines, refundedGoods,
                    false, "again", refundId));
            events.publishEvent(new OrderCancelled(orderId(cancelled), cancelled, buyer, Instant.now(),
                    OrderCancelled.CancelReason.CUSTOMER));
        });
        settled(List.of(refunded, cancelled));

        assertThat(figuresOf(story)).isEqualTo(before);
    }

    private long orderId(String number) {
        return jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", number).query(Long.class).single();
    }

    /** Every figure of the distributor on the dashboard and the roll, as text. */
    private String figuresOf(Story story) throws Exception {
        Document dashboard = dashboard(story.anna());
        return String.join(" | ", dashboard.select("#figures .mm-figure-value").eachText()) + " || "
                + rollRow(story).text();
    }

    @Test
    void theRollAndTheDashboardRunAsManyStatementsForTwentyOrdersAsForOne() throws Exception {
        long tea = fixtures.orders.product("Counted Tea", "10.00", 1000);
        String fewName = OrderFixtures.unique("Few Orders");
        TestCustomer few = fixtures.distributor(fewName);
        fixtures.place(fixtures.referredBy(few, "Few Friend"), tea, 1);
        String manyName = OrderFixtures.unique("Many Orders");
        TestCustomer many = fixtures.distributor(manyName);
        List<String> numbers = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            TestCustomer friend = fixtures.referredBy(many, "Many Friend " + f);
            for (int o = 0; o < 5; o++) {
                numbers.add(fixtures.place(friend, tea, 1));
            }
        }
        settled(numbers);
        Story fewStory = new Story(few, fewName, List.of(), BigDecimal.ZERO);
        Story manyStory = new Story(many, manyName, List.of(), BigDecimal.ZERO);
        assertThat(rollRow(manyStory).select("td").get(4).text()).isEqualTo("20");
        dashboard(few);
        dashboard(many);

        assertThat(queries.count(() -> rollRow(manyStory))).as("roll statements, 20 orders vs 1")
                .isEqualTo(queries.count(() -> rollRow(fewStory)));
        assertThat(queries.count(() -> dashboard(many))).as("dashboard statements, 20 orders vs 1")
                .isEqualTo(queries.count(() -> dashboard(few)));
    }
}

package com.micromall.distribution.ledger;

import com.micromall.distribution.rewards.DistributorRewards;
import com.micromall.distribution.rules.CommissionQuote;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.referral.DistributorEnrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.micromall.customer.ReferralAttribution;
import com.micromall.order.DiscountLine;
import com.micromall.order.LineDiscount;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPlaced;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The friend's gift is defined once and recorded once: each order line keeps what each discount source took
 * off it, the order's events carry those parts, and the banner, checkout and the owner's quote state the same gift.
 */
@MicromallTest
@RecordApplicationEvents
class FriendsGiftFactsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributorRewards rewards;
    @Autowired DistributorChoices choices;
    @Autowired DistributorEnrolment enrolment;
    @Autowired DistributionSettingsService settings;
    @Autowired MessageSource messages;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired ApplicationEvents events;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    private void rules(String welcomePercent, @Nullable String cap) {
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("10"), new BigDecimal("5"),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT,
                new BigDecimal(welcomePercent), cap == null ? null : new BigDecimal(cap), new BigDecimal("20"),
                s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()), "test");
    }

    /** The buyer's store credit: AVAILABLE commission taken as store credit. */
    private void storeCredit(TestCustomer buyer, String available) {
        jdbc.sql("""
                INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'ACTIVE', :at)""")
                .param("c", buyer.id()).param("code", UUID.randomUUID().toString().replace("-", "").substring(0, 8)
                        .toUpperCase(Locale.ROOT))
                .param("at", Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-FACTS', :line, 1, 1, 'COMMISSION', 1, '10%', :amount, 'CNY', 'AVAILABLE', :at, :at)""")
                .param("d", buyer.id()).param("line", 3_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                .param("amount", new BigDecimal(available)).param("at", Timestamp.from(clock.instant())).update();
        fixtures.totals(buyer.id());
        choices.chooseRewardForm(buyer.id(), RewardForm.STORE_CREDIT, "test");
    }

    private record Part(long lineId, String source, BigDecimal amount) {
    }

    private List<Part> storedParts(String number) {
        return jdbc.sql("""
                SELECT d.order_line_id, d.source, d.amount FROM order_line_discount d
                JOIN order_line l ON l.id = d.order_line_id JOIN shop_order o ON o.id = l.order_id
                WHERE o.number = :n ORDER BY l.position, d.source""")
                .param("n", number).query((rs, i) -> new Part(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    private static Map<Long, Map<String, BigDecimal>> byLine(List<OrderLineSnapshot> lines) {
        Map<Long, Map<String, BigDecimal>> parts = new TreeMap<>();
        for (OrderLineSnapshot line : lines) {
            assertThat(line.discounts()).as("line %s carries its discounts", line.lineId()).isNotNull();
            for (LineDiscount discount : line.discounts()) {
                parts.computeIfAbsent(line.lineId(), id -> new TreeMap<>()).put(discount.source(), discount.amount().amount());
            }
        }
        return parts;
    }

    @Test
    void eachLineKeepsWhatEachSourceTookOffItAddingUpToTheOrdersDiscountPerSourceAndTheEventsCarryIt() {
        rules("10", null);
        TestCustomer sharer = fixtures.distributor("Anna Facts");
        choices.chooseFriendShare(sharer.id(), 50, "test");
        TestCustomer friend = fixtures.referredBy(sharer, "Friend Facts");
        storeCredit(friend, "10.00");
        Map<Long, Integer> basket = new LinkedHashMap<>();
        basket.put(fixtures.orders.product("Facts Tea", "33.33", 20), 1);
        basket.put(fixtures.orders.product("Facts Cup", "19.99", 20), 1);
        basket.put(fixtures.orders.product("Facts Spoon", "7.77", 20), 1);

        String number = fixtures.place(friend, basket, "1 Facts Street", "200000");

        Map<String, BigDecimal> orderBySource = new TreeMap<>();
        jdbc.sql("""
                SELECT d.source, SUM(d.amount) FROM order_discount d JOIN shop_order o ON o.id = d.order_id
                WHERE o.number = :n GROUP BY d.source""").param("n", number)
                .query((rs, i) -> orderBySource.put(rs.getString(1), rs.getBigDecimal(2))).list();
        assertThat(orderBySource).as("all three sources gave something").containsOnlyKeys("welcome", "friend-gift", "store-credit");

        List<Part> parts = storedParts(number);
        Map<String, BigDecimal> partsBySource = new TreeMap<>();
        parts.forEach(p -> partsBySource.merge(p.source(), p.amount(), BigDecimal::add));
        assertThat(partsBySource).as("each source's parts add up to what it took off the order, to the cent")
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(orderBySource);

        var lines = jdbc.sql("""
                SELECT l.id, l.line_total - l.paid_amount FROM order_line l JOIN shop_order o ON o.id = l.order_id
                WHERE o.number = :n ORDER BY l.position""").param("n", number)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2))).list();
        assertThat(lines).hasSize(3);
        for (var line : lines) {
            BigDecimal sum = parts.stream().filter(p -> p.lineId() == line.getKey()).map(Part::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("line %s: its parts are its discount", line.getKey()).isEqualByComparingTo(line.getValue());
        }
        assertThat(parts).as("every source reaches every line of an order it discounts").hasSize(9)
                .allSatisfy(p -> assertThat(p.amount()).isPositive());

        Map<Long, Map<String, BigDecimal>> stored = new TreeMap<>();
        parts.forEach(p -> stored.computeIfAbsent(p.lineId(), id -> new TreeMap<>()).put(p.source(), p.amount()));
        OrderPlaced placed = events.stream(OrderPlaced.class).filter(e -> e.orderNumber().equals(number))
                .findFirst().orElseThrow();
        assertThat(byLine(placed.lines())).as("OrderPlaced carries the stored parts").isEqualTo(stored);
        for (OrderLineSnapshot line : placed.lines()) {
            BigDecimal off = line.discounts().stream().map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(line.lineTotal().amount().subtract(off)).isEqualByComparingTo(line.paidAmount().amount());
        }
        for (String source : orderBySource.keySet()) {
            Money sum = placed.lines().stream().map(line -> line.discountFrom(source)).reduce(Money::plus).orElseThrow();
            assertThat(sum).isEqualTo(placed.discountFrom(source));
        }

        fixtures.complete(number);
        OrderCompleted completed = events.stream(OrderCompleted.class).filter(e -> e.orderNumber().equals(number))
                .findFirst().orElseThrow();
        assertThat(byLine(completed.lines())).as("OrderCompleted carries them too, read back from the order").isEqualTo(stored);
    }

    @Test
    void theBannerTheCheckoutLineTheQuoteAndTheRewardsExampleGiveTheSameGiftWhenTheCapBites() throws Exception {
        rules("10", "5.00");
        TestCustomer sharer = fixtures.orders.customer("Anna Capped");
        String code = enrolment.enrolActive(sharer.id()).code();
        choices.chooseFriendShare(sharer.id(), 50, "test");

        String page = mvc.perform(get("/cart").cookie(new Cookie(ReferralAttribution.COOKIE, code)))
                .andReturn().getResponse().getContentAsString().replace('\u00a0', ' ');
        Matcher banner = Pattern.compile("Anna invited you — ([0-9.]+) % off your first order \\(up to ([^)]+)\\)").matcher(page);
        assertThat(banner.find()).as("the banner states the terms").isTrue();
        String percent = banner.group(1);
        String cap = banner.group(2);
        assertThat(percent).isEqualTo("10");
        assertThat(cap).isEqualTo(Money.of("5.00", "CNY").format(Locale.ENGLISH).replace('\u00a0', ' '));

        TestCustomer friend = fixtures.referredBy(sharer, "Friend Capped");
        long sample = fixtures.orders.product("Capped Vase", DistributorRewards.SAMPLE_BASKET.toPlainString(), 10);
        carts.add(CartService.CartKey.customer(friend.id()), sample, 1);
        List<DiscountLine> lines = checkout.summary(friend.id()).discounts();
        assertThat(lines).extracting(DiscountLine::source).containsExactly("welcome", "friend-gift");
        DiscountLine welcome = lines.get(0);
        String label = messages.getMessage(welcome.labelKey(), welcome.labelArgs().toArray(), Locale.ENGLISH)
                .replace('\u00a0', ' ');
        assertThat(label).as("the checkout line states the banner's terms, the cap included")
                .contains(percent + " % off").contains(cap);
        assertThat(welcome.amount()).as("and takes off the cap: 10 % of 100.00 would be 10.00")
                .isEqualTo(Money.of("5.00", "CNY"));

        var quote = CommissionQuote.firstReferredOrder(settings.current(), Money.of(DistributorRewards.SAMPLE_BASKET,
                java.util.Currency.getInstance("CNY")), null, 1);
        assertThat(quote.welcomeDiscount()).as("the owner's quote").isEqualTo(welcome.amount());

        var example = rewards.view(sharer.id()).orElseThrow().examples().stream().filter(e -> e.percent() == 50)
                .findFirst().orElseThrow();
        assertThat(example.friendGets()).as("the rewards page's example of the friend's share").isEqualTo(lines.get(1).amount());
    }
}

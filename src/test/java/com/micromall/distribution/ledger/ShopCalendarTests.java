package com.micromall.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.reporting.DistributorStatement;
import com.micromall.distribution.reporting.HonourRoll;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Distribution counts and shows days and months on the shop's calendar. 16:30 UTC on the last day of a month is
 * already 00:30 on the first of the next one in Shanghai, the zone of a shop selling in yuan (the demo shop). The
 * months are years ahead, so entries of other tests (created now) do not count in them. Each test is rolled back.
 */
@MicromallTest
@Transactional
class ShopCalendarTests {

    private static final Instant LATE_ON_THE_LAST_OF_FEBRUARY = Instant.parse("2031-02-28T16:30:00Z");
    private static final YearMonth MARCH = YearMonth.of(2031, 3);
    private static final YearMonth FEBRUARY = YearMonth.of(2031, 2);

    @Autowired EntryBook ledger;
    @Autowired HonourRoll honourRoll;
    @Autowired DistributorStatement statements;
    @Autowired ShopSettingsService settings;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;

    LedgerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        // Settings are read as code outside a web request reads them, fresh after each change.
        RequestContextHolder.resetRequestAttributes();
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
    }

    @Test
    void aCommissionCreditedLateOnTheLastUtcDayCountsInTheNextMonthsBudgetOfAYuanShop() {
        BigDecimal marchBefore = ledger.creditedIn(MARCH);
        BigDecimal februaryBefore = ledger.creditedIn(FEBRUARY);
        credit(fixtures.distributor("Budget Night").id(), "7.00", LATE_ON_THE_LAST_OF_FEBRUARY);

        assertThat(ledger.creditedIn(MARCH).subtract(marchBefore)).isEqualByComparingTo("7.00");
        assertThat(ledger.creditedIn(FEBRUARY).subtract(februaryBefore)).isEqualByComparingTo("0");
    }

    @Test
    void theSameCommissionCountsInItsOwnMonthWhenTheShopRunsOnUtc() {
        shopZone(ZoneId.of("UTC"));
        BigDecimal marchBefore = ledger.creditedIn(MARCH);
        BigDecimal februaryBefore = ledger.creditedIn(FEBRUARY);
        credit(fixtures.distributor("Budget Day").id(), "7.00", LATE_ON_THE_LAST_OF_FEBRUARY);

        assertThat(ledger.creditedIn(MARCH).subtract(marchBefore)).isEqualByComparingTo("0");
        assertThat(ledger.creditedIn(FEBRUARY).subtract(februaryBefore)).isEqualByComparingTo("7.00");
    }

    @Test
    void aFriendWhoJoinedLateOnTheLastUtcDayPutsTheSharerOnTheNextMonthsHonourRoll() {
        TestCustomer sharer = honoured("March Sharer");

        assertThat(honourRoll.inMonth(sharer.id(), MARCH)).extracting(HonourRoll.Place::displayName).contains("March Sharer");
        assertThat(honourRoll.inMonth(sharer.id(), FEBRUARY)).extracting(HonourRoll.Place::displayName)
                .doesNotContain("March Sharer");
    }

    @Test
    void onAUtcShopTheSameFriendCountsForTheMonthThatIsEnding() {
        shopZone(ZoneId.of("UTC"));
        TestCustomer sharer = honoured("February Sharer");

        assertThat(honourRoll.inMonth(sharer.id(), FEBRUARY)).extracting(HonourRoll.Place::displayName)
                .contains("February Sharer");
        assertThat(honourRoll.inMonth(sharer.id(), MARCH)).extracting(HonourRoll.Place::displayName)
                .doesNotContain("February Sharer");
    }

    @Test
    void theYearlyStatementPutsACommissionOfNewYearsEveNightInTheShopsJanuary() {
        long distributor = fixtures.distributor("New Year Night").id();
        credit(distributor, "5.00", Instant.parse("2030-12-31T16:30:00Z"));

        assertThat(statements.of(distributor, 2031).get(0).credited().amount()).isEqualByComparingTo("5.00");
        assertThat(statements.of(distributor, 2030).get(11).credited().amount()).isEqualByComparingTo("0");
    }

    @Test
    void theDashboardDatesTheLedgerAndTheInviteesOnTheShopsCalendar() throws Exception {
        TestCustomer sharer = fixtures.distributor("Dated Sharer");
        Instant lateOnTheThirtyFirst = Instant.parse("2026-03-31T16:30:00Z");
        TestCustomer friend = fixtures.referredBy(sharer, "Dated Friend");
        jdbc.sql("UPDATE referral_binding SET bound_at = :at WHERE referee_id = :f")
                .param("at", Timestamp.from(lateOnTheThirtyFirst)).param("f", friend.id()).update();
        credit(sharer.id(), "3.00", lateOnTheThirtyFirst);
        fixtures.totals(sharer.id());

        Document page = Jsoup.parse(mvc.perform(get("/distribution").param("lang", "en").with(user(sharer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#invitee-list").text()).contains("Apr 1, 2026").doesNotContain("Mar 31, 2026");
        assertThat(page.select("#ledger-list").text()).contains("Apr 1, 2026").doesNotContain("Mar 31, 2026");
    }

    /** A sharer on the roll whose one friend joined late on the last UTC day of February. */
    private TestCustomer honoured(String name) {
        TestCustomer sharer = fixtures.distributor(name);
        honourRoll.join(sharer.id(), name);
        TestCustomer friend = fixtures.referredBy(sharer, name + " Friend");
        jdbc.sql("UPDATE referral_binding SET bound_at = :at WHERE referee_id = :f")
                .param("at", Timestamp.from(LATE_ON_THE_LAST_OF_FEBRUARY)).param("f", friend.id()).update();
        fixtures.totals(sharer.id());
        return sharer;
    }

    private void shopZone(ZoneId zone) {
        ShopSettings current = settings.current();
        settings.update(new ShopSettingsChange(current.shopName(), current.currency(), current.contactEmail(),
                current.contactPhone(), current.shippingFee().amount(), zone), "test");
    }

    /** A frozen commission (withdrawable at the same moment), as the ledger writes one. */
    private void credit(long distributor, String amount, Instant at) {
        long line = 4_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-CALENDAR', :line, 1, 1, 'COMMISSION', 1, '10%', :amount, 'CNY', 'FROZEN', :at, :at)""")
                .param("d", distributor).param("line", line).param("amount", new BigDecimal(amount))
                .param("at", Timestamp.from(at)).update();
    }
}

package com.micromall.distribution.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.referral.BindingModes.BindingMode;
import com.micromall.distribution.referral.BindingModes.Mode;
import com.micromall.distribution.referral.ReferralBindings.BindingOutcome;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderHistory;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@MicromallTest
class BindingModeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired BindingModes modes;
    @Autowired DistributorRepository distributors;
    @Autowired ReferralNetwork network;
    @Autowired CustomerApi customers;
    @Autowired OrderHistory orderHistory;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired DistributorEnrolment enrolment;
    @Autowired ReferralBindings bindings;

    LedgerFixtures fixtures;
    TestCustomer anna;
    TestCustomer ben;
    TestCustomer carl;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        anna = distributor("Anna First");
        ben = distributor("Ben Later");
        carl = fixtures.referredBy(anna, "Carl Customer");
    }

    @AfterEach
    void backToPermanent() {
        modes.change(new BindingMode(Mode.PERMANENT, 30), "test");
    }

    private TestCustomer distributor(String name) {
        TestCustomer customer = fixtures.orders.customer(name);
        enrolment.enrolActive(customer.id());
        fixtures.totals(customer.id());
        return customer;
    }

    /** The binding's clock set to {@code now}: the service as the app builds it, at a chosen instant. */
    private BindingOutcome followAt(Instant now, TestCustomer who, TestCustomer sharer) {
        ReferralBindings at = new ReferralBindings(distributors, network, customers, orderHistory, jdbc, events,
                Clock.fixed(now, ZoneOffset.UTC), modes);
        return transactions.execute(s -> at.followedLink(who.id(), codeOf(sharer)));
    }

    private String codeOf(TestCustomer distributor) {
        return jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", distributor.id())
                .query(String.class).single();
    }

    /** As if the binding had been made at {@code at}, with the protection period the days in force give it. */
    private void boundAt(TestCustomer referee, Instant at) {
        jdbc.sql("UPDATE referral_binding SET bound_at = :at, protected_until = :until WHERE referee_id = :c")
                .param("at", Timestamp.from(at)).param("until", Timestamp.from(modes.current().periodFrom(at)))
                .param("c", referee.id()).update();
    }

    private long referrerOf(TestCustomer referee) {
        return network.referrerOf(referee.id()).orElseThrow();
    }

    @Test
    void lastShareWinsTakesOverExactlyAtTheEndOfTheProtectionPeriodAndNotASecondBefore() {
        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 30), "test");
        Instant bound = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(40));
        boundAt(carl, bound);
        Instant end = bound.plus(Duration.ofDays(30));

        assertThat(followAt(end.minusSeconds(1), carl, ben)).isEqualTo(BindingOutcome.PROTECTED);
        assertThat(referrerOf(carl)).isEqualTo(anna.id());

        assertThat(followAt(end, carl, ben)).isEqualTo(BindingOutcome.REBOUND);
        assertThat(referrerOf(carl)).isEqualTo(ben.id());
        assertThat(jdbc.sql("SELECT previous_referrer_id FROM referral_binding WHERE referee_id = :c")
                .param("c", carl.id()).query(Long.class).single()).isEqualTo(anna.id());
        assertThat(jdbc.sql("SELECT rebound_at FROM referral_binding WHERE referee_id = :c")
                .param("c", carl.id()).query(Timestamp.class).single().toInstant()).isEqualTo(end);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_binding_change
                WHERE referee_id = :c AND previous_referrer_id = :a AND referrer_id = :b AND changed_at = :at""")
                .param("c", carl.id()).param("a", anna.id()).param("b", ben.id()).param("at", Timestamp.from(end))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTakeOverStartsANewProtectionPeriodForTheNewReferrer() {
        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 7), "test");
        Instant bound = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(100));
        boundAt(carl, bound);
        Instant takeOver = bound.plus(Duration.ofDays(10));
        assertThat(followAt(takeOver, carl, ben)).isEqualTo(BindingOutcome.REBOUND);

        assertThat(followAt(takeOver.plus(Duration.ofDays(7)).minusSeconds(1), carl, anna))
                .isEqualTo(BindingOutcome.PROTECTED);
        assertThat(followAt(takeOver.plus(Duration.ofDays(7)), carl, anna)).isEqualTo(BindingOutcome.REBOUND);
        assertThat(referrerOf(carl)).isEqualTo(anna.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_binding_change WHERE referee_id = :c")
                .param("c", carl.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void changingTheDaysNeverMovesTheEndOfAPeriodAlreadyRunning() {
        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 10), "test");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        boundAt(carl, now.minus(Duration.ofDays(20)));
        TestCustomer dora = fixtures.orders.customer("Dora Recent");
        assertThat(bindings.bind(dora.id(), codeOf(anna), ReferralSource.LINK, null)).isEqualTo(BindingOutcome.BOUND);

        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 60), "test");

        assertThat(followAt(now, carl, ben)).as("Carl's 10 days ended ten days ago, whatever the days are now")
                .isEqualTo(BindingOutcome.REBOUND);
        Instant dorasEnd = jdbc.sql("SELECT protected_until FROM referral_binding WHERE referee_id = :c")
                .param("c", dora.id()).query(Timestamp.class).single().toInstant();
        assertThat(dorasEnd).as("Dora was bound under 10 days").isBefore(now.plus(Duration.ofDays(11)));
        assertThat(followAt(dorasEnd, dora, ben)).isEqualTo(BindingOutcome.REBOUND);
        assertThat(followAt(now.plus(Duration.ofDays(59)), carl, anna))
                .as("Carl's take-over was made under 60 days").isEqualTo(BindingOutcome.PROTECTED);
    }

    @Test
    void aVisitorWhoIsNotSignedInCarriesTheNewestLinkOnlyWhenTheLastShareWins() throws Exception {
        Cookie annas = new Cookie(
                ReferralAttribution.COOKIE, codeOf(anna));
        assertThat(mvc.perform(get("/r/" + codeOf(ben)).cookie(annas).header("User-Agent", "Guest/1.0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getCookie(ReferralAttribution.COOKIE)).as("permanent: first touch").isNull();

        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 30), "test");
        assertThat(mvc.perform(get("/r/" + codeOf(ben)).cookie(annas).header("User-Agent", "Guest/2.0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getCookie(ReferralAttribution.COOKIE).getValue()).isEqualTo(codeOf(ben));
    }

    @Test
    void permanentModeNeverRebindsHoweverOldTheBinding() {
        boundAt(carl, Instant.now().minus(Duration.ofDays(3650)));

        assertThat(followAt(Instant.now(), carl, ben)).isNotEqualTo(BindingOutcome.REBOUND);
        assertThat(followAt(Instant.now().plus(Duration.ofDays(3650)), carl, ben)).isNotEqualTo(BindingOutcome.REBOUND);
        assertThat(referrerOf(carl)).isEqualTo(anna.id());
        assertThat(jdbc.sql("SELECT rebound_at FROM referral_binding WHERE referee_id = :c")
                .param("c", carl.id()).query(Timestamp.class).optional()).isEmpty();
    }

    @Test
    void theAbuseRulesStillHoldWhenTheLastShareWins() {
        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 1), "test");
        boundAt(carl, Instant.now().minus(Duration.ofDays(30)));
        // Anna is Carl's referrer: if Carl becomes a distributor, Anna following Carl's link would make a cycle.
        TestCustomer zoe = distributor("Zoe Top");
        fixtures.bind(anna, zoe);
        boundAt(anna, Instant.now().minus(Duration.ofDays(30)));
        enrolment.enrolActive(carl.id());

        assertThat(followAt(Instant.now(), anna, carl)).isEqualTo(BindingOutcome.CYCLE);
        assertThat(followAt(Instant.now(), anna, anna)).isEqualTo(BindingOutcome.OWN_CODE);
        assertThat(referrerOf(anna)).isEqualTo(zoe.id());
    }

    @Test
    void aSignedInCustomerFollowingAnotherSharersLinkIsTakenOverOnlyInLastShareWins() throws Exception {
        boundAt(carl, Instant.now().minus(Duration.ofDays(60)));
        mvc.perform(get("/r/" + codeOf(ben)).with(user(carl.principal())).header("User-Agent", "Permanent/1.0"))
                .andExpect(status().is3xxRedirection());
        assertThat(referrerOf(carl)).isEqualTo(anna.id());

        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 30), "test");
        mvc.perform(get("/r/" + codeOf(ben)).with(user(carl.principal())).header("User-Agent", "LastShare/1.0"))
                .andExpect(status().is3xxRedirection());
        assertThat(referrerOf(carl)).isEqualTo(ben.id());
        assertThat(jdbc.sql("SELECT referrer_id FROM report_customer WHERE customer_id = :c").param("c", carl.id())
                .query(Long.class).single()).isEqualTo(ben.id());
    }

    @Test
    void changingTheModeAndTakingTheCustomerOverLeavesAPlacedOrdersReferrerAsItWas() {
        long product = fixtures.orders.product(OrderFixtures.unique("Lock"), "80.00", 10);
        String number = fixtures.place(carl, product, 1);
        assertThat(snapshotReferrer(number)).isEqualTo(anna.id());

        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 1), "test");
        boundAt(carl, Instant.now().minus(Duration.ofDays(2)));
        assertThat(followAt(Instant.now(), carl, ben)).isEqualTo(BindingOutcome.REBOUND);

        assertThat(snapshotReferrer(number)).isEqualTo(anna.id());
        assertThat(jdbc.sql("SELECT referrer_id FROM report_order WHERE order_id = :o")
                .param("o", fixtures.orderId(number)).query(Long.class).single()).isEqualTo(anna.id());
        String next = fixtures.place(carl, product, 1);
        assertThat(snapshotReferrer(next)).isEqualTo(ben.id());
    }

    private long snapshotReferrer(String number) {
        return jdbc.sql("SELECT level1_id FROM commission_snapshot WHERE order_number = :n").param("n", number)
                .query(Long.class).single();
    }
}

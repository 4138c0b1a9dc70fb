package com.micromall.distribution.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.oversight.LedgerAdministration;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The chart's commission per hour is reporting's own record of the ledger's facts: what was credited (held
 * commission too) less what the owner voided, each fact counted once however often it is heard, in any order.
 */
@MicromallTest
class CommissionHoursTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributorDashboard dashboard;
    @Autowired LedgerAdministration administration;
    @Autowired CommissionHours hours;

    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
    }

    @Test
    void theChartShowsTheCommissionCreditedLessWhatTheOwnerVoided() {
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Chart Anna"));
        TestCustomer ben = fixtures.referredBy(anna, "Chart Ben");
        TestCustomer dana = fixtures.referredBy(anna, "Chart Dana");
        String device = UUID.randomUUID().toString().substring(0, 30);
        fixtures.device(anna, device);
        fixtures.device(dana, device);
        long tea = fixtures.orders.product("Chart Tea", "40.00", 100);

        String frozen = fixtures.place(ben, tea, 1);
        fixtures.complete(frozen);
        String held = fixtures.place(dana, tea, 2);
        fixtures.complete(held);
        BigDecimal frozenAmount = commission(anna, frozen);
        BigDecimal heldAmount = commission(anna, held);
        assertThat(frozenAmount).isPositive();
        assertThat(heldAmount).isPositive();
        assertThat(state(anna, held)).isEqualTo("ON_HOLD");
        assertThat(thisWeek(anna)).isEqualByComparingTo(frozenAmount.add(heldAmount));

        administration.voidEntry(entryId(anna, held), "made-up friend", LedgerFixtures.OWNER);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(thisWeek(anna)).isEqualByComparingTo(frozenAmount));
    }

    @Test
    void aFactHeardTwiceCountsOnceAndAVoidHeardBeforeItsCreditComesOutRight() {
        long distributor = new OrderFixtures(jdbc, encoder).customer("Chart facts").id();
        long order = 6_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000;
        Instant at = Instant.parse("2026-11-24T10:15:00Z");

        hours.credited(distributor, order, 1, at, new BigDecimal("12.34"));
        hours.credited(distributor, order, 1, at, new BigDecimal("12.34"));
        hours.voided(order + 7, distributor, at.plus(Duration.ofMinutes(44)), new BigDecimal("1.00"));
        hours.voided(order + 7, distributor, at.plus(Duration.ofMinutes(44)), new BigDecimal("1.00"));
        hours.credited(distributor, order + 1, 2, at.plus(Duration.ofMinutes(44)), new BigDecimal("1.00"));
        hours.credited(distributor, order + 1, 0, at.plus(Duration.ofMinutes(40)), new BigDecimal("0.50"));

        assertThat(jdbc.sql("SELECT hour_no, credited FROM report_commission_hour WHERE distributor_id = :d")
                .param("d", distributor).query().listOfRows())
                .singleElement().satisfies(row -> {
                    assertThat(((Number) row.get("hour_no")).longValue()).isEqualTo(CommissionHours.hourOf(at));
                    assertThat((BigDecimal) row.get("credited")).isEqualByComparingTo("12.84");
                });
    }

    private BigDecimal thisWeek(TestCustomer distributor) {
        List<DistributorDashboard.Week> weeks = dashboard.weeks(distributor.id(), ZoneOffset.UTC);
        return weeks.get(weeks.size() - 1).credited().amount();
    }

    private BigDecimal commission(TestCustomer distributor, String number) {
        return jdbc.sql("""
                SELECT amount FROM commission_entry WHERE distributor_id = :d AND order_number = :n AND kind = 'COMMISSION'""")
                .param("d", distributor.id()).param("n", number).query(BigDecimal.class).single();
    }

    private String state(TestCustomer distributor, String number) {
        return jdbc.sql("""
                SELECT state FROM commission_entry WHERE distributor_id = :d AND order_number = :n AND kind = 'COMMISSION'""")
                .param("d", distributor.id()).param("n", number).query(String.class).single();
    }

    private long entryId(TestCustomer distributor, String number) {
        return jdbc.sql("""
                SELECT id FROM commission_entry WHERE distributor_id = :d AND order_number = :n AND kind = 'COMMISSION'""")
                .param("d", distributor.id()).param("n", number).query(Long.class).single();
    }
}

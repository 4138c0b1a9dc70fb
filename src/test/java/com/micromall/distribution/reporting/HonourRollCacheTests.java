package com.micromall.distribution.reporting;

import com.micromall.distribution.ledger.LedgerFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.reporting.HonourRoll.Place;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * This month's honour roll is kept (HonourRoll): every dashboard view after the first reads no SQL for it, and a
 * member's own join, rename or leave shows at once. The rest of the suite runs with it off.
 */
@MicromallTest
@TestPropertySource(properties = "micromall.honour-roll.ttl=PT10M")
class HonourRollCacheTests {


    @Autowired HonourRoll honourRoll;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired QueryCounter queries;

    @Test
    void theBoardIsReadOnceAndAMembersOwnChangesShowAtOnce() {
        LedgerFixtures fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        TestCustomer top = aheadOfEveryone(fixtures);
        TestCustomer viewer = fixtures.distributor("Board Viewer");
        honourRoll.join(top.id(), "First Name");
        assertThat(honourRoll.thisMonth(viewer.id()).get(0)).isEqualTo(new Place(1, "First Name", false));

        jdbc.sql("UPDATE honour_roll SET display_name = 'Behind The Back' WHERE customer_id = :c")
                .param("c", top.id()).update();
        List<Place> kept = new ArrayList<>();
        assertThat(queries.count(() -> kept.addAll(honourRoll.thisMonth(top.id())))).isZero();
        assertThat(kept.get(0)).as("the kept board, marked for this viewer").isEqualTo(new Place(1, "First Name", true));

        honourRoll.join(top.id(), "Second Name");
        assertThat(honourRoll.thisMonth(viewer.id()).get(0)).isEqualTo(new Place(1, "Second Name", false));

        honourRoll.leave(top.id());
        assertThat(honourRoll.thisMonth(viewer.id())).extracting(Place::displayName).doesNotContain("Second Name");
    }

    /** A distributor with more first orders this month than anyone the other tests made, so first on the board. */
    private TestCustomer aheadOfEveryone(LedgerFixtures fixtures) {
        long most = jdbc.sql("""
                SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM report_customer
                WHERE first_order_at > now() - INTERVAL '40 days' GROUP BY referrer_id) x""").query(Long.class).single();
        TestCustomer top = fixtures.distributor("Board Top");
        for (int i = 0; i <= most; i++) {
            fixtures.referredBy(top, "Board Friend " + i);
        }
        // After the last binding: each one rebuilds the distributor's totals, first orders from real orders included.
        jdbc.sql("UPDATE report_customer SET first_order_at = now() WHERE referrer_id = :r").param("r", top.id()).update();
        return top;
    }
}

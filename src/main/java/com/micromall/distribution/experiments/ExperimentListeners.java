package com.micromall.distribution.experiments;

import com.micromall.distribution.DistributorEnrolled;
import com.micromall.distribution.referral.CustomerBound;
import com.micromall.distribution.referral.CustomerRebound;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the running experiment's arms gather: new distributors join an arm in their enrolment's transaction (so
 * their friends' first order already sees it), and each sign-up counts for the arm of its distributor (one
 * statement, changing nothing when no experiment runs or the distributor is in none). Clicks are not counted here:
 * a click is the hot path and its counter is sharded, so the page asks referral for them instead.
 */
@Component
@RequiredArgsConstructor
class ExperimentListeners {

    private static final String RUNNING = "(SELECT id FROM experiment WHERE running_slot = 1)";

    private final Experiments experiments;
    private final JdbcClient jdbc;

    @EventListener
    void on(DistributorEnrolled enrolled) {
        experiments.assign(enrolled.customerId(), enrolled.code());
    }

    @EventListener
    void on(CustomerBound bound) {
        jdbc.sql("UPDATE experiment_assignment SET signups = signups + 1 WHERE distributor_id = :d AND experiment_id = "
                        + RUNNING)
                .param("d", bound.referrerId()).update();
    }

    /** Last share wins took a friend over: a sign-up for the new sharer's arm (the previous one keeps theirs). */
    @EventListener
    void on(CustomerRebound rebound) {
        jdbc.sql("UPDATE experiment_assignment SET signups = signups + 1 WHERE distributor_id = :d AND experiment_id = "
                        + RUNNING)
                .param("d", rebound.referrerId()).update();
    }

    /** Cancelled before payment: the order no longer counts for its arm. */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        jdbc.sql("UPDATE experiment_order SET cancelled = TRUE WHERE order_id = :o").param("o", cancelled.orderId()).update();
    }

    /** Refunded after placing: the arm keeps only what stayed sold; each refund counts once however often heard. */
    @ApplicationModuleListener
    void on(OrderRefunded refunded) {
        String key = refunded.refundId() != null ? refunded.refundId() : refunded.orderNumber() + "@" + refunded.refundedAt();
        int heard = jdbc.sql("""
                        INSERT INTO experiment_order_refund (order_id, refund_key)
                        SELECT order_id, :k FROM experiment_order WHERE order_id = :o ON CONFLICT DO NOTHING""")
                .param("o", refunded.orderId()).param("k", key).update();
        if (heard == 0) {
            return; // not an arm's order, or this refund was counted already
        }
        BigDecimal goods = refunded.lines().stream().map(RefundedLine::amount).map(Money::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("UPDATE experiment_order SET refunded = refunded + :r WHERE order_id = :o")
                .param("r", goods).param("o", refunded.orderId()).update();
    }
}

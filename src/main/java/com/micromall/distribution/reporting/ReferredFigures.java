package com.micromall.distribution.reporting;

import com.micromall.distribution.referral.CustomerBound;
import com.micromall.distribution.referral.CustomerRebound;
import com.micromall.distribution.DistributorEnrolled;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.shared.DeliveryPostponedException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps reporting's record of orders and bindings (V140) from the events that announce them, and each
 * distributor's figures with it, so pages read one row per distributor. The one definition of the figures:
 * an order counts while it is not cancelled; GMV is what the buyer paid for the goods (after discounts, without
 * shipping) less the goods refunded; a distributor's orders are those of the customers bound to them.
 * Every event is keyed by its order (and a refund by its id), so a redelivered event changes nothing; the
 * buyer's row is locked first, so the events of one buyer are counted one after the other.
 */
@Component
@RequiredArgsConstructor
class ReferredFigures {

    private final JdbcClient jdbc;

    /** A new distributor is on the roll at once, with zero figures. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DistributorEnrolled enrolled) {
        distributor(enrolled.customerId());
    }

    /** Bound in the binding's own transaction; orders the customer placed before now count for the referrer. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomerBound binding) {
        long customer = binding.refereeId();
        if (lockCustomer(customer).referrerId() != null) {
            return;
        }
        jdbc.sql("UPDATE report_customer SET referrer_id = :r, bound_at = :at, through_link = :link WHERE customer_id = :c")
                .param("r", binding.referrerId()).param("at", Timestamp.from(binding.boundAt()))
                .param("link", binding.throughLink()).param("c", customer).update();
        jdbc.sql("UPDATE report_order SET referrer_id = :r WHERE buyer_id = :c AND referrer_id IS NULL")
                .param("r", binding.referrerId()).param("c", customer).update();
        record Counted(long orders, BigDecimal gmv) {
        }
        Counted counted = jdbc.sql("""
                SELECT COUNT(*) AS orders, COALESCE(SUM(goods - refunded), 0) AS gmv FROM report_order
                WHERE buyer_id = :c AND cancelled = FALSE""")
                .param("c", customer).query((rs, i) -> new Counted(rs.getLong("orders"), rs.getBigDecimal("gmv"))).single();
        distributor(binding.referrerId());
        jdbc.sql("""
                UPDATE report_distributor SET referred = referred + 1, through_link = through_link + :link,
                    ordering = ordering + :ordering, orders = orders + :orders, gmv = gmv + :gmv
                WHERE customer_id = :d""")
                .param("link", binding.throughLink() ? 1 : 0).param("ordering", counted.orders() > 0 ? 1 : 0)
                .param("orders", counted.orders()).param("gmv", counted.gmv()).param("d", binding.referrerId()).update();
    }

    /**
     * Last share wins took the customer over: they now count as the new referrer's invitee (through the link,
     * from the take-over on). Orders placed before stay with the referrer they were placed under, and so do
     * that referrer's order, GMV and first-order figures.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomerRebound rebound) {
        long customer = rebound.refereeId();
        lockCustomer(customer);
        boolean wasLink = jdbc.sql("SELECT through_link FROM report_customer WHERE customer_id = :c")
                .param("c", customer).query(Boolean.class).optional().orElse(false);
        jdbc.sql("UPDATE report_customer SET referrer_id = :r, bound_at = :at, through_link = TRUE WHERE customer_id = :c")
                .param("r", rebound.referrerId()).param("at", Timestamp.from(rebound.reboundAt()))
                .param("c", customer).update();
        distributor(rebound.previousReferrerId());
        distributor(rebound.referrerId());
        jdbc.sql("UPDATE report_distributor SET referred = referred - 1, through_link = through_link - :link WHERE customer_id = :d")
                .param("link", wasLink ? 1 : 0).param("d", rebound.previousReferrerId()).update();
        jdbc.sql("UPDATE report_distributor SET referred = referred + 1, through_link = through_link + 1 WHERE customer_id = :d")
                .param("d", rebound.referrerId()).update();
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        Customer buyer = lockCustomer(placed.customerId());
        BigDecimal goods = placed.lines().stream().map(line -> line.paidAmount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int inserted = jdbc.sql("""
                INSERT INTO report_order (order_id, buyer_id, referrer_id, placed_at, goods)
                VALUES (:o, :b, :r, :at, :goods) ON CONFLICT DO NOTHING""")
                .param("o", placed.orderId()).param("b", placed.customerId()).param("r", buyer.referrerId(), Types.BIGINT)
                .param("at", Timestamp.from(placed.placedAt())).param("goods", goods).update();
        if (inserted == 1) {
            counted(buyer, buyer.referrerId(), 1, goods);
        }
    }

    /** Cancelled before payment: the order no longer counts. */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        Customer buyer = lockCustomer(cancelled.customerId());
        Order order = order(cancelled.orderId(), cancelled.orderNumber());
        int changed = jdbc.sql("UPDATE report_order SET cancelled = TRUE WHERE order_id = :o AND cancelled = FALSE")
                .param("o", cancelled.orderId()).update();
        if (changed == 1) {
            counted(buyer, order.referrerId(), -1, order.goods().subtract(order.refunded()).negate());
        }
    }

    /** The refunded goods leave the GMV (shipping was never in it), once per refund. */
    @ApplicationModuleListener
    void on(OrderRefunded refunded) {
        lockCustomer(refunded.customerId());
        Order order = order(refunded.orderId(), refunded.orderNumber());
        int first = jdbc.sql("INSERT INTO report_order_refund (order_id, refund_ref) VALUES (:o, :r) ON CONFLICT DO NOTHING")
                .param("o", refunded.orderId()).param("r", refunded.refundId() != null ? refunded.refundId() : refunded.refundedAt().toString())
                .update();
        if (first == 0) {
            return;
        }
        BigDecimal goods = refunded.lines().stream().map(line -> line.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("UPDATE report_order SET refunded = refunded + :a WHERE order_id = :o")
                .param("a", goods).param("o", refunded.orderId()).update();
        if (!order.cancelled() && order.referrerId() != null) {
            jdbc.sql("UPDATE report_distributor SET gmv = gmv - :a WHERE customer_id = :d")
                    .param("a", goods).param("d", order.referrerId()).update();
        }
    }

    private record Customer(long customerId, @Nullable Long referrerId, long countedOrders) {
    }

    private record Order(@Nullable Long referrerId, BigDecimal goods, BigDecimal refunded, boolean cancelled) {
    }

    /** The customer's row, made when missing and locked for this transaction. */
    private Customer lockCustomer(long customerId) {
        jdbc.sql("INSERT INTO report_customer (customer_id) VALUES (:c) ON CONFLICT DO NOTHING")
                .param("c", customerId).update();
        return jdbc.sql("SELECT customer_id, referrer_id, counted_orders FROM report_customer WHERE customer_id = :c FOR UPDATE")
                .param("c", customerId)
                .query((rs, i) -> new Customer(rs.getLong("customer_id"), rs.getObject("referrer_id", Long.class),
                        rs.getLong("counted_orders")))
                .single();
    }

    /**
     * The order as reporting recorded it. Events of one order are heard in parallel, so a cancellation or refund can
     * come before the placing; the outbox delivers it again, and then the order is there.
     */
    private Order order(long orderId, String number) {
        return jdbc.sql("SELECT referrer_id, goods, refunded, cancelled FROM report_order WHERE order_id = :o")
                .param("o", orderId)
                .query((rs, i) -> new Order(rs.getObject("referrer_id", Long.class), rs.getBigDecimal("goods"),
                        rs.getBigDecimal("refunded"), rs.getBoolean("cancelled")))
                .optional()
                .orElseThrow(() -> new DeliveryPostponedException("Order " + number + " not recorded for reporting yet"));
    }

    /** The buyer's counted orders moved by {@code orders}: their first-order time, and their referrer's figures. */
    private void counted(Customer buyer, @Nullable Long referrerId, int orders, BigDecimal gmv) {
        jdbc.sql("""
                UPDATE report_customer SET counted_orders = counted_orders + :n,
                    first_order_at = (SELECT MIN(o.placed_at) FROM report_order o
                                      WHERE o.buyer_id = :c AND o.cancelled = FALSE)
                WHERE customer_id = :c""").param("n", orders).param("c", buyer.customerId()).update();
        if (referrerId == null) {
            return;
        }
        long after = buyer.countedOrders() + orders;
        int ordering = buyer.countedOrders() == 0 && after > 0 ? 1 : buyer.countedOrders() > 0 && after == 0 ? -1 : 0;
        distributor(referrerId);
        jdbc.sql("""
                UPDATE report_distributor SET orders = orders + :n, gmv = gmv + :g, ordering = ordering + :i
                WHERE customer_id = :d""")
                .param("n", orders).param("g", gmv).param("i", ordering).param("d", referrerId).update();
    }

    private void distributor(long customerId) {
        jdbc.sql("INSERT INTO report_distributor (customer_id) VALUES (:d) ON CONFLICT DO NOTHING")
                .param("d", customerId).update();
    }
}

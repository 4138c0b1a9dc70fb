package com.micromall.order;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What other modules may ask about a customer's past orders (e.g. the welcome benefit's "first order"). */
public interface OrderHistory {

    /** True when the customer has any order that was not cancelled (paid, refunded or still awaiting payment). */
    boolean hasOrdersOtherThanCancelled(long customerId);

    /** All the customer's orders, newest first. */
    List<CustomerOrder> ordersOf(long customerId);

    /** All the customer's orders with their ids and lines, newest first, in two queries. */
    List<PlacedOrder> placedOrdersOf(long customerId);

    /** An order with what another module needs to refer to it and to its products. */
    record PlacedOrder(long id, String number, String status, Instant placedAt, Money total, List<PlacedLine> lines) {
    }

    /** A line of a {@link PlacedOrder}, in the order's line order. */
    record PlacedLine(long productId, String productName) {
    }

    /**
     * What the customer's completed orders brought in, in the shop's currency: the totals of the orders that
     * reached COMPLETED, minus everything refunded on them. Orders never completed count nothing.
     */
    Money lifetimeValueOf(long customerId);

    /** The customers who placed an order (not cancelled) at or after {@code since}. */
    Set<Long> customersWithOrdersSince(Instant since);
}

/**
 * Group buys ("buy together"): the owner offers a product to groups of 2 to 5 buyers at a group price within a time
 * limit. The first buyer opens a group by paying; others join through the group page's link. A joiner not yet bound
 * to a referrer is bound to the opener (the opener shared the link; only a distributor has a code to be bound to),
 * and pays the group price instead of getting the
 * welcome gift: the group price reaches the order as a discount line of order's special-price source, which the
 * welcome gift does not stack with, so commission is computed on what was paid.
 *
 * <p>Stock: opening takes the opener's unit with the order and holds the other places' units from the catalog, so
 * normal orders cannot sell them; a join turns one held unit into the joiner's order; expiry gives back what is still
 * held (and, when refunding, the members' units too). Joins lock the group's row, so of two buyers racing for the
 * last place exactly one gets it; the other's order is never placed (it runs in the same transaction). An unfilled
 * group is refunded in full or completed at the group price by a ShedLock job, each group in one transaction with its
 * refunds (whose {@code OrderRefunded} events, stored in the same transaction, take the commission back; an order
 * still unpaid is cancelled instead). Orders are placed through order's {@code OneProductCheckout}, with the shop's
 * usual payment methods.
 */
@ApplicationModule(displayName = "Group buy",
        allowedDependencies = {"shared", "settings", "catalog", "customer", "order", "order :: checkout-form",
                "distribution"})
@NullMarked
package com.micromall.groupbuy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

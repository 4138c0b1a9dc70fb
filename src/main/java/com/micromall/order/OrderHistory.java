package com.micromall.order;

/** What other modules may ask about a customer's past orders (e.g. the welcome benefit's "first order"). */
public interface OrderHistory {

    /** True when the customer has any order that was not cancelled (paid, refunded or still awaiting payment). */
    boolean hasOrdersOtherThanCancelled(long customerId);
}

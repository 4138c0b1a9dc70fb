package com.micromall.groupbuy;

/** What happens to a group that did not fill within its time limit. */
public enum OnExpiry {
    /** Every member's order is refunded in full and the goods go back on stock (the default). */
    REFUND,
    /** The members' orders go ahead at the group price, as if the group had filled. */
    COMPLETE
}

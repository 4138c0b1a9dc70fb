package com.micromall.distribution;

/**
 * Binding a customer to the person whose share they bought through without a share link's cookie (a group buy the
 * sharer opened): the same rules as a link, so a customer already bound, the sharer themselves, a cycle or a sharer
 * without a distributor code change nothing. Joins the caller's transaction.
 */
public interface SharerBinding {

    /** True when the customer is now bound to the sharer by this call. */
    boolean bindToSharer(long customerId, long sharerId);
}

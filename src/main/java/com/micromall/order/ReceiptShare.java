package com.micromall.order;

import java.util.Optional;

/**
 * Extension point: the buyer's own share link for their printable receipt, from the module that knows sharing.
 * {@code order} never knows who implements it; without one the receipt has no share code.
 */
public interface ReceiptShare {

    /** The share link without the shop's address (e.g. {@code /r/756MKHG8}), when the buyer can share. */
    Optional<String> sharePathOf(long customerId);
}

package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the owner's pages in another module may show about one customer's sharing: who invited whom, and figures. */
public interface CustomerSharing {

    /**
     * @param code the customer's share code; null when they never became a distributor (then every figure is zero)
     * @param status PENDING, ACTIVE or SUSPENDED; null when not a distributor
     * @param clicks share-link clicks
     * @param signUps customers bound to them
     * @param orderingInvitees invitees with at least one order that was not cancelled
     * @param commission commission they earned (frozen, available or on hold, before any withdrawal)
     */
    record Figures(@Nullable String code, @Nullable String status, long clicks, long signUps, long orderingInvitees,
                   Money commission) {
    }

    /** A customer bound to this one, with whether they have ordered (not cancelled). */
    record Invitee(long customerId, Instant boundAt, boolean hasOrdered) {
    }

    Figures figuresOf(long customerId);

    /** Who invited the customer (first touch, for good), if anyone. */
    Optional<Long> inviterOf(long customerId);

    /** Whom the customer invited, newest first, at most {@code limit}. */
    List<Invitee> inviteesOf(long customerId, int limit);

    /** Every customer who has invited at least one other customer. */
    Set<Long> customersWhoInvited();
}

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

    /**
     * A customer bound to this one, with whether they have ordered (not cancelled) and how they came.
     *
     * @param how LINK, TYPED_AT_REGISTRATION, TYPED_LATER, or TAKEN_OVER when a newer link took them over
     * @param protectedUntil in last-share-wins mode, when a newer link may take them over; null while permanent
     */
    record Invitee(long customerId, Instant boundAt, boolean hasOrdered, String how, @Nullable Instant protectedUntil) {
    }

    /** Who invited the customer, how, and (last share wins) until when nobody else's link can take them over. */
    record Inviter(long inviterId, String how, @Nullable Instant protectedUntil) {
    }

    Figures figuresOf(long customerId);

    /** Who invited the customer (their referrer now), if anyone. */
    Optional<Long> inviterOf(long customerId);

    /** As {@link #inviterOf}, with how they came and their protection period. */
    Optional<Inviter> invitationOf(long customerId);

    /** Whom the customer invited, newest first, at most {@code limit}. */
    List<Invitee> inviteesOf(long customerId, int limit);

    /** Every customer who has invited at least one other customer. */
    Set<Long> customersWhoInvited();
}

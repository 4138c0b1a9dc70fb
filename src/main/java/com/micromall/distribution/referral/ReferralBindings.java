package com.micromall.distribution.referral;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.order.OrderHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binds a referee to the distributor owning a code, first-touch and for good. Refused: an unknown
 * code, one's own code, a referrer with the same mailbox ({@link Mailboxes}), a cycle (the referee already sits above
 * the referrer), and any second binding. A suspended or pending distributor still gets bound
 * customers; they just earn nothing while not ACTIVE.
 */
@Service
@RequiredArgsConstructor
public class ReferralBindings {

    /** The result of a binding attempt; everything but BOUND leaves the data unchanged. */
    public enum BindingOutcome { BOUND, UNKNOWN_CODE, OWN_CODE, SAME_EMAIL, CYCLE, ALREADY_BOUND, ALREADY_ORDERED }

    private static final int MAX_CHAIN = 10_000;

    private final DistributorRepository distributors;
    private final ReferralNetwork network;
    private final CustomerApi customers;
    private final OrderHistory orderHistory;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    public BindingOutcome bind(long refereeId, @Nullable String code, ReferralSource source, @Nullable String deviceHash) {
        String normalized = ReferralCodes.normalize(code);
        Optional<Distributor> distributor = normalized == null ? Optional.empty() : distributors.findByCode(normalized);
        if (distributor.isEmpty()) {
            return BindingOutcome.UNKNOWN_CODE;
        }
        long referrerId = distributor.get().getCustomerId();
        if (referrerId == refereeId) {
            return BindingOutcome.OWN_CODE;
        }
        if (network.referrerOf(refereeId).isPresent()) {
            return BindingOutcome.ALREADY_BOUND;
        }
        if (sameEmail(refereeId, referrerId)) {
            return BindingOutcome.SAME_EMAIL;
        }
        if (wouldCycle(refereeId, referrerId)) {
            return BindingOutcome.CYCLE;
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO referral_binding (referee_id, referrer_id, bound_at, source, device_hash)
                    VALUES (:referee, :referrer, :at, :source, :device)""")
                    .param("referee", refereeId).param("referrer", referrerId)
                    .param("at", Timestamp.from(now)).param("source", source.name())
                    .param("device", deviceHash).update();
            events.publishEvent(new CustomerBound(referrerId, refereeId, now, source == ReferralSource.LINK));
        } catch (DuplicateKeyException e) {
            return BindingOutcome.ALREADY_BOUND;
        }
        return BindingOutcome.BOUND;
    }

    /** A customer who registered without a referrer enters a code once, before their first order. */
    @Transactional
    public BindingOutcome bindLater(long customerId, @Nullable String code) {
        if (network.referrerOf(customerId).isPresent()) {
            return BindingOutcome.ALREADY_BOUND;
        }
        if (orderHistory.hasOrdersOtherThanCancelled(customerId)) {
            return BindingOutcome.ALREADY_ORDERED;
        }
        return bind(customerId, code, ReferralSource.TYPED_LATER, null);
    }

    /** Whether the customer may still enter a code (not bound, no order yet). */
    @Transactional(readOnly = true)
    public boolean mayEnterCodeLater(long customerId) {
        return network.referrerOf(customerId).isEmpty() && !orderHistory.hasOrdersOtherThanCancelled(customerId);
    }

    @Transactional(readOnly = true)
    public Optional<Long> referrerOf(long customerId) {
        return network.referrerOf(customerId);
    }

    private boolean sameEmail(long refereeId, long referrerId) {
        Optional<String> referee = customers.find(refereeId).map(CustomerProfile::email);
        Optional<String> referrer = customers.find(referrerId).map(CustomerProfile::email);
        return referee.isPresent() && referrer.isPresent() && Mailboxes.same(referee.get(), referrer.get());
    }

    /** Walks up from the would-be referrer; meeting the referee means the referee referred them (directly or not). */
    private boolean wouldCycle(long refereeId, long referrerId) {
        Set<Long> seen = new HashSet<>();
        Optional<Long> current = Optional.of(referrerId);
        while (current.isPresent() && seen.size() < MAX_CHAIN) {
            long id = current.get();
            if (id == refereeId) {
                return true;
            }
            if (!seen.add(id)) {
                return false;
            }
            current = network.referrerOf(id);
        }
        return false;
    }
}

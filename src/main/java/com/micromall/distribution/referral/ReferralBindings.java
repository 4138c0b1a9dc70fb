package com.micromall.distribution.referral;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.order.OrderHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binds a referee to the distributor owning a code, first-touch; in last-share-wins mode a later link may take the
 * customer over ({@link #followedLink}). Refused: an unknown
 * code, one's own code, a referrer with the same mailbox ({@link Mailboxes}), a cycle (the referee already sits above
 * the referrer), and any second binding. A suspended or pending distributor still gets bound
 * customers; they just earn nothing while not ACTIVE.
 */
@Service
@RequiredArgsConstructor
public class ReferralBindings {

    /** The result of a binding attempt; everything but BOUND leaves the data unchanged. */
    public enum BindingOutcome {
        BOUND, UNKNOWN_CODE, OWN_CODE, SAME_EMAIL, CYCLE, ALREADY_BOUND, ALREADY_ORDERED,
        /** Last share wins: the newer link took the customer over. */
        REBOUND,
        /** Last share wins, but the current binding is still within its protection period. */
        PROTECTED
    }

    private static final int MAX_CHAIN = 10_000;

    private final DistributorRepository distributors;
    private final ReferralNetwork network;
    private final CustomerApi customers;
    private final OrderHistory orderHistory;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BindingModes modes;

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
                    INSERT INTO referral_binding (referee_id, referrer_id, bound_at, source, device_hash, protected_until)
                    VALUES (:referee, :referrer, :at, :source, :device, :until)""")
                    .param("referee", refereeId).param("referrer", referrerId)
                    .param("at", Timestamp.from(now)).param("source", source.name())
                    .param("device", deviceHash).param("until", Timestamp.from(modes.current().periodFrom(now))).update();
            events.publishEvent(new CustomerBound(referrerId, refereeId, now, source == ReferralSource.LINK));
        } catch (DuplicateKeyException e) {
            return BindingOutcome.ALREADY_BOUND;
        }
        return BindingOutcome.BOUND;
    }

    /**
     * A signed-in customer followed a share link. Permanent mode (and a customer not bound yet, who binds by
     * registering or typing a code) changes nothing. Last share wins: once the protection period the binding got when
     * it was made (or last taken over) has passed, its very end included, the link's owner becomes the referrer, with
     * the same refusals as a first binding; the previous referrer and the time are kept. Orders already placed keep
     * the referrer their commission snapshot recorded.
     */
    @Transactional
    public BindingOutcome followedLink(long customerId, @Nullable String code) {
        BindingModes.BindingMode mode = modes.current();
        if (!mode.lastShareWins()) {
            return BindingOutcome.ALREADY_BOUND;
        }
        String normalized = ReferralCodes.normalize(code);
        Optional<Distributor> distributor = normalized == null ? Optional.empty() : distributors.findByCode(normalized);
        if (distributor.isEmpty()) {
            return BindingOutcome.UNKNOWN_CODE;
        }
        long referrerId = distributor.get().getCustomerId();
        if (referrerId == customerId) {
            return BindingOutcome.OWN_CODE;
        }
        record Current(long referrerId, Instant protectedUntil) {
        }
        Optional<Current> current = jdbc.sql("""
                SELECT referrer_id, COALESCE(rebound_at, bound_at) AS since, protected_until FROM referral_binding
                WHERE referee_id = :c FOR UPDATE""")
                .param("c", customerId)
                .query((rs, i) -> new Current(rs.getLong("referrer_id"), protectedUntil(rs, mode)))
                .optional();
        if (current.isEmpty()) {
            return BindingOutcome.UNKNOWN_CODE;
        }
        if (current.get().referrerId() == referrerId) {
            return BindingOutcome.ALREADY_BOUND;
        }
        Instant now = clock.instant();
        if (now.isBefore(current.get().protectedUntil())) {
            return BindingOutcome.PROTECTED;
        }
        if (sameEmail(customerId, referrerId)) {
            return BindingOutcome.SAME_EMAIL;
        }
        if (wouldCycle(customerId, referrerId)) {
            return BindingOutcome.CYCLE;
        }
        long previous = current.get().referrerId();
        jdbc.sql("""
                UPDATE referral_binding SET referrer_id = :r, previous_referrer_id = :p, rebound_at = :at, source = 'LINK',
                       protected_until = :until
                WHERE referee_id = :c""")
                .param("r", referrerId).param("p", previous).param("at", Timestamp.from(now)).param("c", customerId)
                .param("until", Timestamp.from(mode.periodFrom(now))).update();
        jdbc.sql("""
                INSERT INTO referral_binding_change (referee_id, previous_referrer_id, referrer_id, changed_at, source)
                VALUES (:c, :p, :r, :at, 'LINK')""")
                .param("c", customerId).param("p", previous).param("r", referrerId).param("at", Timestamp.from(now))
                .update();
        events.publishEvent(new CustomerRebound(previous, referrerId, customerId, now));
        return BindingOutcome.REBOUND;
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

    /**
     * How each of a referrer's invitees came to them, for the invitee lists: the source, whether a newer link took
     * them over, and in last-share-wins mode when their protection period ends (null while permanent). One query.
     */
    public record BindingDetails(long refereeId, ReferralSource source, boolean takenOver, @Nullable Instant protectedUntil) {
    }

    @Transactional(readOnly = true)
    public Map<Long, BindingDetails> detailsOf(long referrerId, Collection<Long> refereeIds) {
        if (refereeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT b.referee_id, b.source, b.rebound_at, COALESCE(b.rebound_at, b.bound_at) AS since,
                       b.protected_until, m.mode, m.protection_days
                FROM referral_binding b CROSS JOIN referral_binding_mode m
                WHERE b.referrer_id = :r AND b.referee_id IN (:ids) AND m.id = 1""")
                .param("r", referrerId).param("ids", refereeIds)
                .query((rs, i) -> details(rs))
                .list().stream().collect(Collectors.toMap(BindingDetails::refereeId, d -> d));
    }

    /** How the customer came to their referrer, as {@link #detailsOf}; empty when nobody invited them. */
    @Transactional(readOnly = true)
    public Optional<BindingDetails> detailsOf(long refereeId) {
        return jdbc.sql("""
                SELECT b.referee_id, b.source, b.rebound_at, COALESCE(b.rebound_at, b.bound_at) AS since,
                       b.protected_until, m.mode, m.protection_days
                FROM referral_binding b CROSS JOIN referral_binding_mode m
                WHERE b.referee_id = :c AND m.id = 1""")
                .param("c", refereeId)
                .query((rs, i) -> details(rs))
                .optional();
    }

    private static BindingDetails details(ResultSet rs) throws SQLException {
        BindingModes.BindingMode mode = new BindingModes.BindingMode(
                BindingModes.Mode.valueOf(rs.getString("mode")), rs.getInt("protection_days"));
        return new BindingDetails(rs.getLong("referee_id"), ReferralSource.valueOf(rs.getString("source")),
                rs.getTimestamp("rebound_at") != null, mode.lastShareWins() ? protectedUntil(rs, mode) : null);
    }

    /** The period the binding got when made; bindings older than that column get the days in force now. */
    private static Instant protectedUntil(ResultSet rs, BindingModes.BindingMode mode) throws SQLException {
        Timestamp kept = rs.getTimestamp("protected_until");
        return kept != null ? kept.toInstant() : mode.periodFrom(rs.getTimestamp("since").toInstant());
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

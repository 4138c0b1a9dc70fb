package com.micromall.distribution.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.micromall.distribution.referral.Distributors;
import com.micromall.settings.ShopTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The opt-in board of this month's top sharers: honour, not amounts (DESIGN.md). Only distributors who
 * joined appear, under the name they chose; ranked by invitees whose first order (not cancelled) was placed
 * this month, then by this month's sign-ups. Nobody else's name or any amount is ever shown.
 * <p>
 * The board is the same for every viewer, so it is kept for {@code micromall.honour-roll.ttl} (0 = read it every
 * time): at scale its query is the dashboard's most expensive read. Joining, renaming and leaving empty
 * it, so one's own change shows at once; new first orders and sign-ups, and a distributor the owner suspends,
 * reach the board within the time to live.
 */
@Service
public class HonourRoll {

    public static final int SIZE = 10;
    public static final int NAME_MAX = 30;

    /** A place on the board. {@code mine} marks the viewer's own line. */
    public record Place(int rank, String displayName, boolean mine) {
    }

    /** A member on this month's board, in rank order. */
    private record Member(long customerId, String displayName) {
    }

    private final JdbcClient jdbc;
    private final Distributors distributors;
    private final ShopTime shopTime;
    /** The board by the first instant of its month; null when nothing is kept. */
    private final @Nullable Cache<Instant, List<Member>> boards;

    HonourRoll(JdbcClient jdbc, Distributors distributors, ShopTime shopTime,
               @Value("${micromall.honour-roll.ttl:PT1M}") Duration ttl) {
        this.jdbc = jdbc;
        this.distributors = distributors;
        this.shopTime = shopTime;
        this.boards = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(4).build();
    }

    /** The viewer's chosen name, when they are on the roll. */
    @Transactional(readOnly = true)
    public Optional<String> displayNameOf(long customerId) {
        return jdbc.sql("SELECT display_name FROM honour_roll WHERE customer_id = :c")
                .param("c", customerId).query(String.class).optional();
    }

    /** Joins the roll or changes the name (the caller has validated it: 1–30 characters). */
    @Transactional
    public void join(long customerId, String displayName) {
        int updated = jdbc.sql("UPDATE honour_roll SET display_name = :n WHERE customer_id = :c")
                .param("n", displayName).param("c", customerId).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO honour_roll (customer_id, display_name, opted_in_at) VALUES (:c, :n, :at)")
                        .param("c", customerId).param("n", displayName).param("at", Timestamp.from(shopTime.now()))
                        .update();
            } catch (DuplicateKeyException raced) {
                // a second tab joined at the same moment; its name stands
            }
        }
        forget();
    }

    @Transactional
    public void leave(long customerId) {
        jdbc.sql("DELETE FROM honour_roll WHERE customer_id = :c").param("c", customerId).update();
        forget();
    }

    /** Empties the kept board once this transaction has committed, so the next view reads the change. */
    private void forget() {
        if (boards != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    boards.invalidateAll();
                }
            });
        }
    }

    /**
     * The top {@link #SIZE} of the shop's current calendar month, in two queries (the board, then which of its
     * members are active distributors) or from the kept board.
     */
    public List<Place> thisMonth(long viewerId) {
        return inMonth(viewerId, shopTime.currentMonth());
    }

    /** The top {@link #SIZE} of {@code month} of the shop's calendar, in the shop's time zone. */
    public List<Place> inMonth(long viewerId, YearMonth month) {
        Instant from = shopTime.monthStart(month);
        Instant to = shopTime.monthEnd(month);
        List<Member> board = boards == null ? board(from, to) : boards.get(from, key -> board(from, to));
        return IntStream.range(0, board.size()).mapToObj(i -> new Place(i + 1, board.get(i).displayName(),
                board.get(i).customerId() == viewerId)).toList();
    }

    private List<Member> board(Instant from, Instant to) {
        record Candidate(long customerId, String displayName) {
        }
        // Everyone on the roll with a sign-up or first order this month, ranked; few, as joining is opt-in. Only
        // active distributors stay on the board: referral says which, in one question.
        List<Candidate> ranked = jdbc.sql("""
                SELECT x.customer_id, x.display_name FROM (
                  SELECT h.customer_id, h.display_name, h.opted_in_at,
                    (SELECT COUNT(*) FROM report_customer b WHERE b.referrer_id = h.customer_id
                       AND b.first_order_at >= :from AND b.first_order_at < :to) AS first_orders,
                    (SELECT COUNT(*) FROM report_customer b WHERE b.referrer_id = h.customer_id
                       AND b.bound_at >= :from AND b.bound_at < :to) AS sign_ups
                  FROM honour_roll h) x
                WHERE x.first_orders > 0 OR x.sign_ups > 0
                ORDER BY x.first_orders DESC, x.sign_ups DESC, x.opted_in_at, x.customer_id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new Candidate(rs.getLong("customer_id"), rs.getString("display_name")))
                .list();
        Set<Long> active = distributors.activeAmong(ranked.stream().map(Candidate::customerId).toList());
        return ranked.stream().filter(c -> active.contains(c.customerId()))
                .map(c -> new Member(c.customerId(), c.displayName())).limit(SIZE).toList();
    }
}

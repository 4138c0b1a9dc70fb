package com.micromall.loyalty.levels;

import com.micromall.loyalty.MemberLevelReached;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderRefunded;
import java.sql.Timestamp;
import java.sql.Types;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts each customer on the level their progress reaches (the owner's {@link LevelBasis}: spend in 12 months or in
 * all, or points earned in 12 months), when an order of theirs completes, when they earn points, and every night. The
 * rules:
 * <ul>
 *     <li>Moving up happens at once, starts a new 12-month period and is announced ({@link MemberLevelReached}).</li>
 *     <li>A level is held until its period ends, whatever refunds or the passing of time do to the spend: never
 *     demoted mid-period. When the period is over, the customer gets the level their spend reaches then (the same
 *     one for another 12 months, or a lower one, or none).</li>
 *     <li>Running it again changes nothing and announces nothing: the customer's row is locked, and only a real move
 *     writes.</li>
 * </ul>
 */
@Component
public class LevelRecompute {

    private static final Logger log = LoggerFactory.getLogger(LevelRecompute.class);

    /** What a recompute did. */
    public enum Move { NONE, UP, RENEWED, DOWN }

    private final JdbcClient jdbc;
    private final LoyaltySpend spend;
    private final MemberLevels levels;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate eachCustomer;
    private final Duration runBudget;

    private final ObjectProvider<EarnedPoints> earnedPoints;

    LevelRecompute(JdbcClient jdbc, LoyaltySpend spend, MemberLevels levels, ObjectProvider<EarnedPoints> earnedPoints,
                   ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
                   @Value("${micromall.loyalty.recompute-run-budget:PT1M}") Duration runBudget) {
        this.jdbc = jdbc;
        this.spend = spend;
        this.levels = levels;
        this.earnedPoints = earnedPoints;
        this.events = events;
        this.clock = clock;
        this.eachCustomer = new TransactionTemplate(transactions);
        this.runBudget = runBudget;
    }

    @ApplicationModuleListener
    void onOrderCompleted(OrderCompleted event) {
        spend.recordCompleted(event);
        recompute(event.customerId(), clock.instant());
    }

    /**
     * Points were just recorded for the customer (in the caller's transaction): where levels count points, they may
     * reach a level now rather than tonight.
     */
    @Transactional
    public Move pointsEarned(long customerId) {
        return levels.measure().points() ? recompute(customerId, clock.instant()) : Move.NONE;
    }

    /** A refund lowers the spend at once; the level follows only when its period is over (the nightly run). */
    @ApplicationModuleListener
    void onOrderRefunded(OrderRefunded event) {
        spend.recordRefunded(event);
    }

    /**
     * Every customer with a level or with spend in the window, one transaction each, within the run budget (well
     * inside the lock's ceiling); whoever is not reached tonight is by their next completed order or the next night.
     */
    @Scheduled(cron = "${micromall.loyalty.recompute-cron:0 30 3 * * *}")
    @SchedulerLock(name = "loyalty.recomputeLevels", lockAtMostFor = "PT2M")
    public void recomputeNightly() {
        Instant start = clock.instant();
        int moved = 0;
        for (long customerId : customersToRecompute(start)) {
            if (Duration.between(start, clock.instant()).compareTo(runBudget) >= 0) {
                log.info("Level recompute stopped after {} to keep within its lock", runBudget);
                break;
            }
            Move move = eachCustomer.execute(status -> recompute(customerId, start));
            if (move != null && move != Move.NONE) {
                moved++;
            }
        }
        if (moved > 0) {
            log.info("Member levels: {} customers moved or renewed", moved);
        }
    }

    /**
     * Everyone the nightly run looks at: their level's period may be over, or their spend or points may reach a level.
     */
    @Transactional(readOnly = true)
    public List<Long> customersToRecompute(Instant now) {
        Instant since = spend.yearBefore(now);
        TreeSet<Long> customers = new TreeSet<>(jdbc.sql("""
                        SELECT customer_id FROM loyalty_membership WHERE level_id IS NOT NULL
                        UNION SELECT customer_id FROM loyalty_spend WHERE recorded_at > :since""")
                .param("since", Timestamp.from(since)).query(Long.class).list());
        EarnedPoints points = earnedPoints.getIfAvailable();
        if (points != null && levels.measure().points()) {
            customers.addAll(points.earnersBetween(since, now));
        }
        return List.copyOf(customers);
    }

    /** Applies the rules above to one customer at {@code now}. */
    @Transactional
    public Move recompute(long customerId, Instant now) {
        List<MemberLevel> all = levels.all();
        if (all.isEmpty()) {
            return Move.NONE; // removing the last level left no one on one
        }
        BigDecimal progress = levels.progressOf(customerId, now, levels.measure());
        MemberLevel reached = all.stream().filter(level -> level.threshold().compareTo(progress) <= 0)
                .max(Comparator.comparing(MemberLevel::threshold)).orElse(null);
        Optional<Held> row = lockRow(customerId);
        if (row.isEmpty()) {
            if (reached == null) {
                return Move.NONE;
            }
            try {
                jdbc.sql("""
                                INSERT INTO loyalty_membership (customer_id, level_id, reached_at, held_until)
                                VALUES (:c, NULL, :now, :now)""")
                        .param("c", customerId).param("now", Timestamp.from(now)).update();
            } catch (DuplicateKeyException recomputedAtTheSameMoment) {
                // The other recompute inserted it; the lock below waits for it to finish.
            }
            row = lockRow(customerId);
        }
        Held held = row.orElseThrow();
        MemberLevel current = held.levelId() == null ? null
                : all.stream().filter(level -> level.id() == held.levelId()).findFirst().orElse(null);
        int comparison = compare(reached, current);
        if (comparison > 0) {
            Instant until = spend.yearAfter(now);
            put(customerId, reached, now, until);
            if (reached.fromZero()) {
                return Move.UP; // a level from 0 was everyone's already: nothing to announce
            }
            events.publishEvent(new MemberLevelReached(customerId, reached.id(), reached.name(),
                    reached.discountPercent(), now, until));
            return Move.UP;
        }
        if (now.isBefore(held.heldUntil()) || (current == null && reached == null)) {
            return Move.NONE;
        }
        if (comparison == 0) {
            jdbc.sql("UPDATE loyalty_membership SET held_until = :until WHERE customer_id = :c")
                    .param("until", Timestamp.from(spend.yearAfter(now))).param("c", customerId).update();
            return Move.RENEWED;
        }
        put(customerId, reached, now, spend.yearAfter(now));
        return Move.DOWN;
    }

    private record Held(@Nullable Long levelId, Instant heldUntil) {
    }

    private Optional<Held> lockRow(long customerId) {
        return jdbc.sql("SELECT level_id, held_until FROM loyalty_membership WHERE customer_id = :c FOR UPDATE")
                .param("c", customerId)
                .query((rs, i) -> new Held(rs.getObject("level_id") == null ? null : rs.getLong("level_id"),
                        rs.getTimestamp("held_until").toInstant()))
                .optional();
    }

    private void put(long customerId, @Nullable MemberLevel level, Instant now, Instant until) {
        jdbc.sql("UPDATE loyalty_membership SET level_id = :l, reached_at = :now, held_until = :until WHERE customer_id = :c")
                .param("l", level == null ? null : level.id(), Types.BIGINT).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until)).param("c", customerId).update();
    }

    /** Higher threshold is the higher level; no level is lowest of all. */
    private static int compare(@Nullable MemberLevel a, @Nullable MemberLevel b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.threshold().compareTo(b.threshold());
    }
}

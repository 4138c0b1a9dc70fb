package com.micromall.distribution.ledger;

import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.RewardForm;
import java.sql.Timestamp;
import com.micromall.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every FROZEN entry whose return window is over to AVAILABLE, in chunks of at most {@code chunkSize}
 * entries (oldest due first), each chunk three set-based statements (accounts, timeline lines, states) in its own
 * REPEATABLE READ transaction, so all three see the same due rows. A run stops starting chunks once its time budget
 * is spent, well inside the job's lock ceiling: an instance that dies mid-run holds the lock for at most that
 * ceiling, and the next run carries on where the last committed chunk ended.
 *
 * <p>Each chunk tells, in its transaction, one {@link CommissionAvailable} per distributor it touched (not one per
 * entry): the sharer hears "this much is withdrawable now" once, however many order lines it came from, and the
 * outbox gets a handful of rows per chunk instead of thousands. The price is one grouped read of the chunk's rows.
 */
@Component
public class UnfreezeJob {

    private static final Logger log = LoggerFactory.getLogger(UnfreezeJob.class);

    private final JdbcClient jdbc;
    private final DistributorAccounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionOperations chunkTransactions;
    private final int chunkSize;
    private final Duration runBudget;

    @Autowired
    UnfreezeJob(JdbcClient jdbc, DistributorAccounts accounts, Clock clock, ApplicationEventPublisher events,
                PlatformTransactionManager transactionManager,
                @Value("${micromall.distribution.unfreeze-chunk:10000}") int chunkSize,
                @Value("${micromall.distribution.unfreeze-run-budget:PT1M}") Duration runBudget) {
        this(jdbc, accounts, clock, events, repeatableRead(transactionManager), chunkSize, runBudget);
    }

    /** For tests that run the job inside a transaction of their own and listen to no events. */
    UnfreezeJob(JdbcClient jdbc, DistributorAccounts accounts, Clock clock) {
        this(jdbc, accounts, clock, event -> { }, TransactionOperations.withoutTransaction(), 10_000,
                Duration.ofMinutes(1));
    }

    /** For tests of the chunking, which listen to no events. */
    UnfreezeJob(JdbcClient jdbc, DistributorAccounts accounts, Clock clock, TransactionOperations chunkTransactions,
                int chunkSize, Duration runBudget) {
        this(jdbc, accounts, clock, event -> { }, chunkTransactions, chunkSize, runBudget);
    }

    UnfreezeJob(JdbcClient jdbc, DistributorAccounts accounts, Clock clock, ApplicationEventPublisher events,
                TransactionOperations chunkTransactions, int chunkSize, Duration runBudget) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
        this.chunkTransactions = chunkTransactions;
        this.chunkSize = chunkSize;
        this.runBudget = runBudget;
    }

    private static TransactionOperations repeatableRead(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template;
    }

    // The lock's ceiling is twice the run budget: a chunk started just before the budget ran out still fits.
    @Scheduled(fixedDelayString = "${micromall.distribution.unfreeze-interval:PT10M}")
    @SchedulerLock(name = "distribution.unfreezeDueCommissions", lockAtMostFor = "PT2M")
    public void unfreezeDueCommissions() {
        Instant start = clock.instant();
        int moved = 0;
        boolean more = true;
        while (more && Duration.between(start, clock.instant()).compareTo(runBudget) < 0) {
            Chunk chunk = chunkTransactions.execute(status -> unfreezeChunk(start));
            moved += chunk.moved();
            more = chunk.more();
        }
        if (moved > 0) {
            log.info("Unfroze {} commission entries", moved);
        }
        if (more) {
            log.info("Unfreezing stopped after {} to keep within its lock; the next run carries on", runBudget);
        }
    }

    /** Every entry due at {@code now}, in the caller's transaction however many there are (tests and fixtures). */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public int unfreezeDue(Instant now) {
        Timestamp at = Timestamp.from(now);
        return move(at, at, Long.MAX_VALUE);
    }

    private record Chunk(int moved, boolean more) {
    }

    /**
     * The next {@code chunkSize} due entries in (unfreezes_at, id) order: the last one bounds the chunk, so the
     * statements need no id list; fewer left than a chunk means this is the last one.
     */
    private Chunk unfreezeChunk(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Bound> lastOfChunk = jdbc.sql("""
                        SELECT unfreezes_at, id FROM commission_entry WHERE state = :frozen AND unfreezes_at <= :at
                        ORDER BY unfreezes_at, id LIMIT 1 OFFSET :skip""")
                .param("frozen", LedgerState.FROZEN.name()).param("at", at).param("skip", chunkSize - 1)
                .query((rs, i) -> new Bound(rs.getTimestamp(1), rs.getLong(2))).list();
        if (lastOfChunk.isEmpty()) {
            return new Chunk(move(at, at, Long.MAX_VALUE), false);
        }
        return new Chunk(move(at, lastOfChunk.get(0).unfreezesAt(), lastOfChunk.get(0).id()), true);
    }

    private record Bound(Timestamp unfreezesAt, long id) {
    }

    private int move(Timestamp at, Timestamp upToDue, long upToId) {
        // CommissionEntry's unfreeze rule applied in bulk: accounts first, then what became available per distributor
        // (for the events), the timelines and the states, all from the same due rows (REPEATABLE READ: one snapshot).
        accounts.unfreezeDue(at, upToDue, upToId);
        List<DueOrder> due = jdbc.sql("""
                        SELECT distributor_id, order_number, currency, reward_form, SUM(amount) AS amount,
                            COUNT(*) AS entries, MIN(unfreezes_at) AS first_due
                        FROM commission_entry WHERE
                        """ + CommissionEntry.DUE_IN_CHUNK + """
                        AND (level IS NULL OR level > 0)
                        GROUP BY distributor_id, order_number, currency, reward_form
                        ORDER BY distributor_id, reward_form, first_due, order_number""")
                .param("at", at).param("bound", upToDue).param("id", upToId)
                .query((rs, i) -> new DueOrder(rs.getLong("distributor_id"), rs.getString("order_number"),
                        Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getInt("entries"), RewardForm.valueOf(rs.getString("reward_form"))))
                .list();
        // A points book mirrors POINTS commission entry by entry (a reversal is due with its commission, so the
        // group is the entry net of reversals); cash has its account row and needs no entries.
        Map<Long, List<CommissionAvailable.Entry>> pointsEntries = due.stream()
                .anyMatch(d -> d.rewardForm() == RewardForm.POINTS)
                ? jdbc.sql("""
                        SELECT distributor_id, COALESCE(parent_id, id) AS entry_id, currency, SUM(amount) AS amount
                        FROM commission_entry WHERE level > 0 AND reward_form = 'POINTS' AND
                        """ + CommissionEntry.DUE_IN_CHUNK + """
                        GROUP BY distributor_id, COALESCE(parent_id, id), currency ORDER BY entry_id""")
                        .param("at", at).param("bound", upToDue).param("id", upToId)
                        .query((rs, i) -> Map.entry(rs.getLong("distributor_id"), new CommissionAvailable.Entry(
                                rs.getLong("entry_id"), Money.of(rs.getBigDecimal("amount"),
                                        Currency.getInstance(rs.getString("currency"))))))
                        .list().stream()
                        .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                                java.util.stream.Collectors.mapping(Map.Entry::getValue,
                                        java.util.stream.Collectors.toList())))
                : Map.of();
        jdbc.sql("""
                INSERT INTO commission_entry_event (entry_id, state, occurred_at, note)
                SELECT id, :available, :at, :note FROM commission_entry
                WHERE
                """ + CommissionEntry.DUE_IN_CHUNK)
                .param("available", LedgerState.AVAILABLE.name()).param("note", CommissionEntry.UNFROZEN)
                .param("at", at).param("bound", upToDue).param("id", upToId).update();
        int moved = jdbc.sql("UPDATE commission_entry SET state = :available WHERE " + CommissionEntry.DUE_IN_CHUNK)
                .param("available", LedgerState.AVAILABLE.name()).param("at", at).param("bound", upToDue).param("id", upToId)
                .update();
        announce(due, pointsEntries, at.toInstant());
        return moved;
    }

    private record DueOrder(long distributorId, String orderNumber, Money amount, int entries, RewardForm rewardForm) {
    }

    /**
     * One {@link CommissionAvailable} per distributor (currency and reward form) of the chunk; staff commission is
     * paid with wages.
     */
    private void announce(List<DueOrder> due, Map<Long, List<CommissionAvailable.Entry>> pointsEntries,
                          Instant availableAt) {
        Map<String, List<DueOrder>> byDistributor = new LinkedHashMap<>();
        for (DueOrder order : due) {
            byDistributor.computeIfAbsent(order.distributorId() + "/" + order.amount().currency() + "/"
                    + order.rewardForm(), key -> new ArrayList<>()).add(order);
        }
        byDistributor.values().forEach(orders -> {
            Money amount = orders.stream().map(DueOrder::amount).reduce(Money::plus).orElseThrow();
            if (!amount.isPositive()) {
                return;
            }
            DueOrder first = orders.get(0);
            events.publishEvent(new CommissionAvailable(first.distributorId(), amount,
                    orders.stream().mapToInt(DueOrder::entries).sum(),
                    orders.stream().map(DueOrder::orderNumber).distinct().toList(), availableAt, first.rewardForm(),
                    first.rewardForm() == RewardForm.POINTS
                            ? pointsEntries.getOrDefault(first.distributorId(), List.of()) : List.of()));
        });
    }
}

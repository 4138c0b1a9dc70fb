package com.micromall.distribution.ledger;

import com.micromall.distribution.DistributorEnrolled;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each distributor's account: the one cached balance row (distributor_account), moved by exactly the amounts of the
 * entries written or moved and of the money taken out, always in the transaction that writes them, so balances read
 * one row instead of the distributor's whole ledger. Staff commission (level 0) is paid with wages and POINTS commission
 * as points: neither counts here ({@link CommissionEntry#IN_ACCOUNT}). Money leaves the available balance only under
 * {@link DistributorLocks}; other modules move it through the public methods here, never by SQL.
 */
@Component
public class DistributorAccounts {

    /** The account column of each entry state that counts; REVERSED and VOID count nowhere. */
    private static final Map<LedgerState, String> COLUMN = Map.of(
            LedgerState.FROZEN, "frozen", LedgerState.AVAILABLE, "available", LedgerState.ON_HOLD, "on_hold");

    private final JdbcClient jdbc;
    private final ObjectProvider<Payouts> payouts;

    @Autowired
    DistributorAccounts(JdbcClient jdbc, ObjectProvider<Payouts> payouts) {
        this.jdbc = jdbc;
        this.payouts = payouts;
    }

    /** An account keeper that sees no withdrawals nor credit spent, for the ledger on its own (without {@code payout}). */
    DistributorAccounts(JdbcClient jdbc) {
        this(jdbc, new StaticListableBeanFactory().getBeanProvider(Payouts.class));
    }

    /** A new distributor gets an empty account at once. */
    @EventListener
    void on(DistributorEnrolled enrolled) {
        open(enrolled.customerId());
    }

    /** Makes sure the distributor has an account (all zero when new). */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(long distributorId) {
        jdbc.sql("INSERT INTO distributor_account (distributor_id) VALUES (:d) ON CONFLICT DO NOTHING")
                .param("d", distributorId).update();
    }

    /** An entry of {@code kind} was written in {@code state}. */
    @Transactional(propagation = Propagation.MANDATORY)
    void entryAdded(long distributorId, EntryKind kind, LedgerState state, BigDecimal amount) {
        open(distributorId);
        String column = COLUMN.get(state);
        StringBuilder set = new StringBuilder();
        if (column != null) {
            set.append(column).append(" = ").append(column).append(" + :a, earned = earned + :a");
        }
        if (kind == EntryKind.CLAWBACK) {
            set.append(set.isEmpty() ? "" : ", ").append("clawed_back = clawed_back + :a");
        }
        if (!set.isEmpty()) {
            jdbc.sql("UPDATE distributor_account SET " + set + " WHERE distributor_id = :d")
                    .param("a", amount).param("d", distributorId).update();
        }
    }

    /** Entries of the distributor summing to {@code amount} moved from one state to another. */
    @Transactional(propagation = Propagation.MANDATORY)
    void moved(long distributorId, LedgerState from, LedgerState to, BigDecimal amount) {
        String out = COLUMN.get(from);
        String in = COLUMN.get(to);
        if (amount.signum() == 0 || from == to || (out == null && in == null)) {
            return;
        }
        open(distributorId);
        StringBuilder set = new StringBuilder();
        if (out != null) {
            set.append(out).append(" = ").append(out).append(" - :a");
        }
        if (in != null) {
            set.append(set.isEmpty() ? "" : ", ").append(in).append(" = ").append(in).append(" + :a");
        }
        if (out == null) {
            set.append(", earned = earned + :a");
        } else if (in == null) {
            set.append(", earned = earned - :a");
        }
        jdbc.sql("UPDATE distributor_account SET " + set + " WHERE distributor_id = :d")
                .param("a", amount).param("d", distributorId).update();
    }

    /**
     * {@link CommissionEntry#unfreeze}, applied to a chunk of due entries at once (see {@link CommissionEntry#DUE_IN_CHUNK}):
     * their accounts move from frozen to available in one set-based statement, before the entries move.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int unfreezeDue(Timestamp at, Timestamp bound, long id) {
        return jdbc.sql("""
                MERGE INTO distributor_account a
                USING (SELECT distributor_id, SUM(amount) AS due FROM commission_entry
                       WHERE\s""" + CommissionEntry.IN_ACCOUNT + " AND " + CommissionEntry.DUE_IN_CHUNK + """
                        GROUP BY distributor_id) x
                ON a.distributor_id = x.distributor_id
                WHEN MATCHED THEN UPDATE SET frozen = a.frozen - x.due, available = a.available + x.due""")
                .param("at", at).param("bound", bound).param("id", id).update();
    }

    /** A withdrawal of {@code amount} was requested: it leaves the available balance and waits to be paid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdrawalRequested(long distributorId, BigDecimal amount) {
        withdrawal(distributorId, amount, BigDecimal.ZERO);
    }

    /** A requested withdrawal of {@code amount} was paid out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdrawalPaid(long distributorId, BigDecimal amount) {
        withdrawal(distributorId, amount.negate(), amount);
    }

    /** A requested withdrawal of {@code amount} was rejected: the money is available again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdrawalRejected(long distributorId, BigDecimal amount) {
        withdrawal(distributorId, amount.negate(), BigDecimal.ZERO);
    }

    private void withdrawal(long distributorId, BigDecimal withdrawing, BigDecimal withdrawn) {
        open(distributorId);
        jdbc.sql("""
                UPDATE distributor_account SET withdrawing = withdrawing + :w, withdrawn = withdrawn + :p
                WHERE distributor_id = :d""")
                .param("w", withdrawing).param("p", withdrawn).param("d", distributorId).update();
    }

    /** Store credit spent (positive) or given back (negative), in cash taken out of available. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void creditSpent(long distributorId, BigDecimal cash) {
        open(distributorId);
        jdbc.sql("UPDATE distributor_account SET credit_spent = credit_spent + :c WHERE distributor_id = :d")
                .param("c", cash).param("d", distributorId).update();
    }

    /**
     * Rebuilds one account from the entries and from what payout reports of withdrawals and store credit spent. Work grows with the
     * distributor's history: for repairs and for data written around the app (test fixtures), never per page.
     */
    @Transactional
    public void recompute(long distributorId) {
        open(distributorId);
        Payouts payout = payouts.getIfAvailable(() -> Payouts.NONE);
        Payouts.Withdrawn out = payout.withdrawalsByDistributor(List.of(distributorId))
                .getOrDefault(distributorId, new Payouts.Withdrawn(BigDecimal.ZERO, BigDecimal.ZERO));
        BigDecimal creditSpent = payout.creditSpentByDistributor(List.of(distributorId))
                .getOrDefault(distributorId, BigDecimal.ZERO);
        jdbc.sql("""
                UPDATE distributor_account SET
                    frozen = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                              WHERE e.distributor_id = :d AND e.level > 0 AND e.reward_form <> 'POINTS' AND e.state = 'FROZEN'),
                    available = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                                 WHERE e.distributor_id = :d AND e.level > 0 AND e.reward_form <> 'POINTS' AND e.state = 'AVAILABLE'),
                    on_hold = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                               WHERE e.distributor_id = :d AND e.level > 0 AND e.reward_form <> 'POINTS' AND e.state = 'ON_HOLD'),
                    earned = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                              WHERE e.distributor_id = :d AND e.level > 0 AND e.reward_form <> 'POINTS' AND e.state IN ('FROZEN', 'AVAILABLE', 'ON_HOLD')),
                    clawed_back = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                                   WHERE e.distributor_id = :d AND e.level > 0 AND e.reward_form <> 'POINTS' AND e.kind = 'CLAWBACK'),
                    withdrawing = :withdrawing,
                    withdrawn = :withdrawn,
                    credit_spent = :creditSpent
                WHERE distributor_id = :d""").param("d", distributorId)
                .param("withdrawing", out.withdrawing()).param("withdrawn", out.withdrawn())
                .param("creditSpent", creditSpent).update();
    }

    /** What the account row of {@code distributorId} says, column by column (for checks and tests). */
    @Transactional(readOnly = true)
    public Map<String, Object> row(long distributorId) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM distributor_account WHERE distributor_id = :d")
                .param("d", distributorId).query().listOfRows();
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }
}

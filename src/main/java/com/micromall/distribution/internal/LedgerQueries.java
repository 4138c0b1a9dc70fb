package com.micromall.distribution.internal;

import com.micromall.distribution.DistributionApi;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Balances and the ledger as the distributor reads them, all derived from ledger entries and snapshots. */
@Service
@RequiredArgsConstructor
class LedgerQueries implements DistributionApi {

    private final JdbcClient jdbc;
    private final CommissionLedger ledger;
    private final ShopSettingsService shopSettings;

    @Override
    @Transactional(readOnly = true)
    public Balances balancesOf(long customerId) {
        Currency currency = currency();
        Map<String, BigDecimal> byState = jdbc.sql("""
                SELECT state, SUM(amount) AS total FROM commission_entry WHERE distributor_id = :d GROUP BY state""")
                .param("d", customerId)
                .query((rs, i) -> Map.entry(rs.getString("state"), rs.getBigDecimal("total"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        BigDecimal clawedBack = jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM commission_entry WHERE distributor_id = :d AND kind = 'CLAWBACK'""")
                .param("d", customerId).query(BigDecimal.class).single().negate();
        Money earned = money(byState.get("AVAILABLE"), currency);
        Money withdrawing = withdrawing(customerId, currency);
        Money withdrawn = withdrawn(customerId, currency);
        Money creditSpent = creditSpent(customerId, currency);
        return new Balances(expected(customerId, currency), money(byState.get("FROZEN"), currency),
                earned.minus(withdrawing).minus(withdrawn).minus(creditSpent), money(byState.get("ON_HOLD"), currency),
                withdrawing, withdrawn, money(clawedBack, currency), creditSpent);
    }

    /** Withdrawals requested and not decided yet (amount including the fee). */
    private Money withdrawing(long customerId, Currency currency) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM withdrawal WHERE distributor_id = :d AND state = 'REQUESTED'",
                customerId, currency);
    }

    /** Withdrawals paid out (amount including the fee). */
    private Money withdrawn(long customerId, Currency currency) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM withdrawal WHERE distributor_id = :d AND state = 'PAID'",
                customerId, currency);
    }

    /** Available money spent as store credit at checkout and not given back. */
    private Money creditSpent(long customerId, Currency currency) {
        return sum("""
                SELECT COALESCE(SUM(cash_amount), 0) FROM store_credit_spend
                WHERE distributor_id = :d AND restored_at IS NULL""", customerId, currency);
    }

    private Money sum(String sql, long customerId, Currency currency) {
        return Money.of(jdbc.sql(sql).param("d", customerId).query(BigDecimal.class).single(), currency);
    }

    /** What the orders placed but not completed would earn, at their snapshot rates. */
    private Money expected(long customerId, Currency currency) {
        Money total = Money.zero(currency);
        List<CommissionLedger.Snapshot> open = jdbc.sql("""
                SELECT order_id FROM commission_snapshot
                WHERE state = 'PLACED' AND (level1_id = :d OR level2_id = :d)""")
                .param("d", customerId).query(Long.class).list().stream()
                .flatMap(id -> ledger.snapshot(id).stream()).toList();
        for (CommissionLedger.Snapshot snapshot : open) {
            int level = Long.valueOf(customerId).equals(snapshot.level1()) ? 1 : 2;
            for (CommissionLedger.SnapshotLine line : ledger.lines(snapshot.orderId())) {
                Money full = CommissionPolicy.amount(line.terms(snapshot.currency()), level, snapshot.level1Percent(),
                        snapshot.level2Percent());
                total = total.plus(full.minus(CommissionPolicy.share(full, line.refundedBefore(), line.quantity())));
            }
        }
        return total;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerLine> ledgerOf(long customerId) {
        Map<Long, List<LedgerStep>> steps = jdbc.sql("""
                SELECT ev.entry_id, ev.state, ev.occurred_at, ev.note FROM commission_entry_event ev
                JOIN commission_entry e ON e.id = ev.entry_id WHERE e.distributor_id = :d ORDER BY ev.id""")
                .param("d", customerId)
                .query((rs, i) -> Map.entry(rs.getLong("entry_id"), new LedgerStep(rs.getString("state"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("note"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                SELECT id, order_number, product_id, level, kind, state, amount, currency, hold_reason, unfreezes_at, created_at
                FROM commission_entry WHERE distributor_id = :d ORDER BY created_at DESC, id DESC""")
                .param("d", customerId)
                .query((rs, i) -> new LedgerLine(rs.getLong("id"), rs.getString("order_number"), rs.getLong("product_id"),
                        rs.getInt("level"), rs.getString("kind"), rs.getString("state"),
                        Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("hold_reason"), rs.getTimestamp("unfreezes_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant(), steps.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private Currency currency() {
        return shopSettings.current().currency();
    }

    private static Money money(@Nullable BigDecimal amount, Currency currency) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount, currency);
    }
}

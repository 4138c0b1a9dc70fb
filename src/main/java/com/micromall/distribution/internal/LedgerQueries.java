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

/**
 * Balances and the ledger as the distributor reads them: balances from the distributor's totals row (V44),
 * the expected amount from the open orders' snapshots, the ledger from the newest entries.
 */
@Service
@RequiredArgsConstructor
class LedgerQueries implements DistributionApi {

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;

    @Override
    @Transactional(readOnly = true)
    public Balances balancesOf(long customerId) {
        Currency currency = currency();
        // One row (V44 distributor_totals, kept exact by DistributorTotals): never the distributor's whole ledger.
        Balances fromTotals = jdbc.sql("""
                SELECT frozen, available, on_hold, withdrawing, withdrawn, clawed_back, credit_spent
                FROM distributor_totals WHERE customer_id = :d""")
                .param("d", customerId)
                .query((rs, i) -> {
                    Money withdrawing = money(rs.getBigDecimal("withdrawing"), currency);
                    Money withdrawn = money(rs.getBigDecimal("withdrawn"), currency);
                    Money creditSpent = money(rs.getBigDecimal("credit_spent"), currency);
                    return new Balances(Money.zero(currency), money(rs.getBigDecimal("frozen"), currency),
                            money(rs.getBigDecimal("available"), currency).minus(withdrawing).minus(withdrawn)
                                    .minus(creditSpent),
                            money(rs.getBigDecimal("on_hold"), currency), withdrawing, withdrawn,
                            money(rs.getBigDecimal("clawed_back"), currency).negate(), creditSpent);
                })
                .optional().orElseGet(() -> {
                    Money zero = Money.zero(currency);
                    return new Balances(zero, zero, zero, zero, zero, zero, zero, zero);
                });
        return new Balances(expected(customerId, currency), fromTotals.frozen(), fromTotals.available(),
                fromTotals.onHold(), fromTotals.withdrawing(), fromTotals.withdrawn(), fromTotals.clawedBack(),
                fromTotals.creditSpent());
    }

    /** What the orders placed but not completed would earn, at their snapshot rates. */
    private Money expected(long customerId, Currency currency) {
        // One query for every open order's lines: the dashboard's cost does not grow with the number of orders.
        List<Money> perLine = jdbc.sql("""
                SELECT s.level1_id, s.level1_percent, s.level2_percent, s.currency, l.line_id, l.product_id, l.quantity,
                    l.paid_amount, l.override_percent, l.override_fixed, l.refunded_before_completion, l.friend_gift
                FROM commission_snapshot s JOIN commission_snapshot_line l ON l.order_id = s.order_id
                WHERE s.state = 'PLACED' AND (s.level1_id = :d OR s.level2_id = :d)""")
                .param("d", customerId)
                .query((rs, i) -> {
                    CommissionLedger.SnapshotLine line = new CommissionLedger.SnapshotLine(rs.getLong("line_id"),
                            rs.getLong("product_id"), rs.getInt("quantity"), rs.getBigDecimal("paid_amount"),
                            rs.getBigDecimal("override_percent"), rs.getBigDecimal("override_fixed"),
                            rs.getInt("refunded_before_completion"), rs.getBigDecimal("friend_gift"));
                    int level = rs.getLong("level1_id") == customerId && !rs.wasNull() ? 1 : 2;
                    Money full = CommissionPolicy.amount(line.terms(Currency.getInstance(rs.getString("currency"))),
                            level, rs.getBigDecimal("level1_percent"), rs.getBigDecimal("level2_percent"));
                    return full.minus(CommissionPolicy.share(full, line.refundedBefore(), line.quantity()));
                })
                .list();
        return perLine.stream().reduce(Money.zero(currency), Money::plus);
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerLine> ledgerOf(long customerId, int limit) {
        List<LedgerLine> entries = jdbc.sql("""
                SELECT id, order_number, product_id, level, kind, state, amount, currency, hold_reason, unfreezes_at, created_at
                FROM commission_entry WHERE distributor_id = :d ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("d", customerId).param("limit", limit)
                .query((rs, i) -> new LedgerLine(rs.getLong("id"), rs.getString("order_number"), rs.getLong("product_id"),
                        rs.getInt("level"), rs.getString("kind"), rs.getString("state"),
                        Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("hold_reason"), rs.getTimestamp("unfreezes_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant(), List.of()))
                .list();
        if (entries.isEmpty()) {
            return entries;
        }
        // The timelines of just these entries, in one query.
        Map<Long, List<LedgerStep>> steps = jdbc.sql("""
                SELECT entry_id, state, occurred_at, note FROM commission_entry_event
                WHERE entry_id IN (:ids) ORDER BY id""")
                .param("ids", entries.stream().map(LedgerLine::entryId).toList())
                .query((rs, i) -> Map.entry(rs.getLong("entry_id"), new LedgerStep(rs.getString("state"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("note"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return entries.stream().map(e -> new LedgerLine(e.entryId(), e.orderNumber(), e.productId(), e.level(), e.kind(),
                e.state(), e.amount(), e.holdReason(), e.unfreezesAt(), e.createdAt(),
                steps.getOrDefault(e.entryId(), List.of()))).toList();
    }

    private Currency currency() {
        return shopSettings.current().currency();
    }

    private static Money money(@Nullable BigDecimal amount, Currency currency) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount, currency);
    }
}

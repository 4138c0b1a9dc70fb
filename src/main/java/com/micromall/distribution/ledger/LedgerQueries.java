package com.micromall.distribution.ledger;

import com.micromall.distribution.StaffCommissionBalances;
import com.micromall.distribution.policy.OrderTerms;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balances and the ledger as the distributor reads them: balances from the distributor's account (the one cached
 * balance row) and what their open orders are expected to earn, the ledger from the newest entries. Also what
 * reporting asks of the ledger: earned, what the shop owes, and a year's entries and voids for the statement.
 */
@Service
@RequiredArgsConstructor
class LedgerQueries implements DistributionApi, StaffCommissionBalances {

    /** The earliest unfreeze of the distributor's FROZEN entries, staff commission aside: a column for the balances. */
    private static final String NEXT_UNFREEZE = """
            ,
              (SELECT MIN(e.unfreezes_at) FROM commission_entry e
               WHERE e.distributor_id = :d AND e.level > 0 AND e.reward_form <> 'POINTS' AND e.state = 'FROZEN') AS next_unfreeze""";

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;
    private final OrderTerms orderTerms;

    @Override
    @Transactional(readOnly = true)
    public StaffCommission staffCommissionOf(long customerId) {
        Currency currency = currency();
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN state = 'FROZEN' THEN amount END), 0) AS frozen,
                       COALESCE(SUM(CASE WHEN state = 'AVAILABLE' THEN amount END), 0) AS available
                FROM commission_entry WHERE distributor_id = :d AND level = :level""")
                .param("d", customerId).param("level", EntryBook.STAFF_LEVEL)
                .query((rs, i) -> new StaffCommission(money(rs.getBigDecimal("frozen"), currency),
                        money(rs.getBigDecimal("available"), currency)))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Balances balancesOf(long customerId) {
        return outlook(customerId, false).balances();
    }

    @Override
    @Transactional(readOnly = true)
    public Outlook outlookOf(long customerId) {
        return outlook(customerId, true);
    }

    /**
     * The balances, and with {@code nextUnfreeze} the earliest unfreeze of a frozen entry in the same statement: an
     * index range of the distributor's frozen entries that the other callers (checkout, withdrawals) need not pay for.
     * Every entry's distributor has an account (opened with the entry), so without one nothing is frozen.
     */
    private Outlook outlook(long customerId, boolean nextUnfreeze) {
        Currency currency = currency();
        // One account row (kept exact by DistributorAccounts), never the distributor's whole ledger; what open orders
        // are expected to earn is the policy's, summed from their frozen terms.
        Money expected = money(orderTerms.expectedFor(customerId), currency);
        return jdbc.sql("""
                SELECT frozen, available, on_hold, withdrawing, withdrawn, clawed_back, credit_spent%s
                FROM distributor_account WHERE distributor_id = :d""".formatted(nextUnfreeze ? NEXT_UNFREEZE : ""))
                .param("d", customerId)
                .query((rs, i) -> {
                    Money withdrawing = money(rs.getBigDecimal("withdrawing"), currency);
                    Money withdrawn = money(rs.getBigDecimal("withdrawn"), currency);
                    Money creditSpent = money(rs.getBigDecimal("credit_spent"), currency);
                    BigDecimal available = amount(rs.getBigDecimal("available")).subtract(amount(rs.getBigDecimal("withdrawing")))
                            .subtract(amount(rs.getBigDecimal("withdrawn"))).subtract(amount(rs.getBigDecimal("credit_spent")));
                    Timestamp next = nextUnfreeze ? rs.getTimestamp("next_unfreeze") : null;
                    return new Outlook(new Balances(expected,
                            money(rs.getBigDecimal("frozen"), currency), money(available, currency),
                            money(rs.getBigDecimal("on_hold"), currency), withdrawing, withdrawn,
                            money(rs.getBigDecimal("clawed_back"), currency).negate(), creditSpent),
                            next == null ? null : next.toInstant());
                })
                .optional().orElseGet(() -> {
                    Money zero = Money.zero(currency);
                    return new Outlook(new Balances(expected, zero, zero, zero, zero, zero, zero, zero), null);
                });
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerLine> ledgerOf(long customerId, int limit) {
        List<LedgerLine> entries = jdbc.sql("""
                SELECT id, order_number, product_id, level, kind, state, amount, currency, hold_reason, unfreezes_at, created_at,
                    reward_form
                FROM commission_entry WHERE distributor_id = :d AND level > 0 ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("d", customerId).param("limit", limit)
                .query((rs, i) -> new LedgerLine(rs.getLong("id"), rs.getString("order_number"), rs.getLong("product_id"),
                        rs.getInt("level"), rs.getString("kind"), rs.getString("state"),
                        Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("hold_reason"), rs.getTimestamp("unfreezes_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant(), List.of(),
                        com.micromall.distribution.RewardForm.valueOf(rs.getString("reward_form"))))
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
                steps.getOrDefault(e.entryId(), List.of()), e.rewardForm())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Money paidAsPointsBy(long customerId) {
        return money(jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM commission_entry WHERE distributor_id = :d AND level > 0
                    AND reward_form = 'POINTS' AND state IN ('FROZEN', 'ON_HOLD', 'AVAILABLE')""")
                .param("d", customerId).query(BigDecimal.class).single(), currency());
    }

    @Override
    @Transactional(readOnly = true)
    public BigDecimal earnedBy(long customerId) {
        return jdbc.sql("SELECT earned FROM distributor_account WHERE distributor_id = :id")
                .param("id", customerId).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    @Override
    @Transactional(readOnly = true)
    public Liability liability() {
        return jdbc.sql("""
                SELECT COALESCE(SUM(frozen), 0) AS frozen, COALESCE(SUM(on_hold), 0) AS on_hold,
                    COALESCE(SUM(available - withdrawing - withdrawn - credit_spent), 0) AS available,
                    COALESCE(SUM(withdrawing), 0) AS requested
                FROM distributor_account""")
                .query((rs, i) -> new Liability(rs.getBigDecimal("frozen"), rs.getBigDecimal("on_hold"),
                        rs.getBigDecimal("available"), rs.getBigDecimal("requested")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Movement> movementsOf(long customerId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT kind, amount, created_at FROM commission_entry
                WHERE distributor_id = :d AND level > 0 AND created_at >= :from AND created_at < :to""")
                .param("d", customerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new Movement(rs.getString("kind"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Movement> voidsOf(long customerId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT e.kind, e.amount, ev.occurred_at FROM commission_entry_event ev JOIN commission_entry e ON e.id = ev.entry_id
                WHERE e.distributor_id = :d AND e.level > 0 AND ev.state = 'VOID' AND ev.occurred_at >= :from
                  AND ev.occurred_at < :to""")
                .param("d", customerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new Movement(rs.getString("kind"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<BigDecimal> creditedIn(long customerId, List<Span> spans) {
        if (spans.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i)
                    .append(", CAST(:f").append(i).append(" AS TIMESTAMP WITH TIME ZONE)")
                    .append(", CAST(:t").append(i).append(" AS TIMESTAMP WITH TIME ZONE))");
        }
        var statement = jdbc.sql("""
                SELECT w.idx,
                  (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                     WHERE e.distributor_id = :d AND e.level > 0 AND e.kind = 'COMMISSION' AND e.state <> 'VOID'
                       AND e.created_at >= w.from_at AND e.created_at < w.to_at) AS credited
                FROM (VALUES %s) AS w(idx, from_at, to_at)
                ORDER BY w.idx""".formatted(values)).param("d", customerId);
        for (int i = 0; i < spans.size(); i++) {
            statement = statement.param("f" + i, Timestamp.from(spans.get(i).from()))
                    .param("t" + i, Timestamp.from(spans.get(i).to()));
        }
        return statement.query((rs, i) -> rs.getBigDecimal("credited")).list();
    }

    /**
     * The ids are looked up by primary key and entries of anyone else are dropped here, not in SQL: with
     * "distributor_id = ?" in the query, PostgreSQL's generic plan for the prepared statement (used from the sixth
     * execution on) combines the id lookup with the distributor's whole index range.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, EntryDetails> entryDetailsOf(long customerId, Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        record Row(long entryId, long orderId, long buyerId, int units, @Nullable Integer parentUnits) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT e.id, e.distributor_id, e.order_id, e.buyer_id, e.units, p.units AS parent_units
                FROM commission_entry e
                LEFT JOIN commission_entry p ON p.id = e.parent_id
                WHERE e.id IN (:ids)""")
                .param("ids", entryIds)
                .query((rs, i) -> {
                    if (rs.getLong("distributor_id") != customerId) {
                        return null;
                    }
                    int parentUnits = rs.getInt("parent_units");
                    return new Row(rs.getLong("id"), rs.getLong("order_id"), rs.getLong("buyer_id"), rs.getInt("units"),
                            rs.wasNull() ? null : parentUnits);
                })
                .list().stream().filter(Objects::nonNull).toList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> placed = orderTerms.placedAt(rows.stream().map(Row::orderId).distinct().toList());
        return rows.stream().collect(Collectors.toMap(Row::entryId, row -> new EntryDetails(row.entryId(), row.buyerId(),
                row.units(), row.parentUnits(), placed.get(row.orderId()))));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Account> accountsOf(Collection<Long> customerIds) {
        Map<Long, Account> accounts = new HashMap<>();
        List<Long> ids = List.copyOf(customerIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("""
                    SELECT distributor_id, frozen, available - withdrawing - withdrawn - credit_spent AS available, on_hold,
                        withdrawn, earned
                    FROM distributor_account WHERE distributor_id IN (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(rs -> {
                        accounts.put(rs.getLong("distributor_id"), new Account(rs.getBigDecimal("frozen"),
                                rs.getBigDecimal("available"), rs.getBigDecimal("on_hold"), rs.getBigDecimal("withdrawn"),
                                rs.getBigDecimal("earned")));
                    });
        }
        return accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> byEarned(int limit, long offset) {
        return jdbc.sql("SELECT distributor_id FROM distributor_account ORDER BY earned DESC, distributor_id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Long.class).list();
    }

    private Currency currency() {
        return shopSettings.current().currency();
    }

    /**
     * The totals carry no currency: amounts earned before the owner switched to a currency without cents keep theirs.
     * Those are shown rounded toward zero, so a balance never shows more than can be paid out in the shop's currency.
     */
    private static Money money(@Nullable BigDecimal amount, Currency currency) {
        return Money.of(amount(amount), currency, RoundingMode.DOWN);
    }

    private static BigDecimal amount(@Nullable BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}

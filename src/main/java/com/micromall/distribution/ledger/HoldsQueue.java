package com.micromall.distribution.ledger;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commissions waiting for the owner (ON_HOLD), oldest first, and whether this month's budget is used up. */
@Service
@RequiredArgsConstructor
public class HoldsQueue {

    static final int LIMIT = 500;

    /** One held commission; {@code reasons} are every {@link HoldReason} name found (empty if none was recorded). */
    public record Hold(long entryId, long distributorId, String distributorName, String distributorEmail,
                       String orderNumber, int level, Money amount, List<String> reasons, Instant createdAt) {
    }

    /** The monthly budget and what is credited against it so far. */
    public record Budget(Money budget, Money credited) {
    }

    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final EntryBook book;
    private final DistributionSettingsService settings;
    private final ShopSettingsService shopSettings;

    @Transactional(readOnly = true)
    public List<Hold> held() {
        record Held(long id, long distributorId, String orderNumber, int level, Money amount, List<String> reasons,
                    Instant createdAt) {
        }
        List<Held> held = jdbc.sql("""
                SELECT e.id, e.distributor_id, e.order_number, e.level, e.amount, e.currency, e.hold_reason, e.created_at
                FROM commission_entry e
                WHERE e.state = 'ON_HOLD' AND e.kind = 'COMMISSION'
                ORDER BY e.created_at, e.id LIMIT :limit""")
                .param("limit", LIMIT)
                .query((rs, i) -> new Held(rs.getLong("id"), rs.getLong("distributor_id"), rs.getString("order_number"),
                        rs.getInt("level"),
                        Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        reasons(rs.getString("hold_reason")), rs.getTimestamp("created_at").toInstant()))
                .list();
        // The distributors' names and e-mails in one question to customer, however many entries wait.
        Map<Long, CustomerProfile> distributors = customers.findAll(held.stream().map(Held::distributorId).distinct().toList())
                .stream().collect(Collectors.toMap(CustomerProfile::id, Function.identity()));
        return held.stream().filter(h -> distributors.containsKey(h.distributorId()))
                .map(h -> new Hold(h.id(), h.distributorId(), distributors.get(h.distributorId()).name(),
                        distributors.get(h.distributorId()).email(), h.orderNumber(), h.level(), h.amount(), h.reasons(),
                        h.createdAt()))
                .toList();
    }

    static List<String> reasons(@Nullable String stored) {
        return stored == null ? List.of() : HoldReason.names(stored);
    }

    /** Present when a monthly budget is set and the commission credited this month has reached it. */
    @Transactional(readOnly = true)
    public Optional<Budget> budgetReached() {
        BigDecimal budget = settings.current().monthlyBudget();
        if (budget == null) {
            return Optional.empty();
        }
        BigDecimal credited = book.creditedThisMonth();
        Currency currency = shopSettings.current().currency();
        return credited.compareTo(budget) >= 0
                ? Optional.of(new Budget(Money.of(budget, currency, java.math.RoundingMode.DOWN),
                        Money.of(credited, currency, java.math.RoundingMode.DOWN)))
                : Optional.empty();
    }
}

package com.micromall.distribution.oversight;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.ledger.EntryBook;
import com.micromall.distribution.ledger.HoldReason;
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

    private final CustomerApi customers;
    private final EntryBook book;
    private final DistributionSettingsService settings;
    private final ShopSettingsService shopSettings;

    @Transactional(readOnly = true)
    public List<Hold> held() {
        List<EntryBook.HeldEntry> held = book.held(LIMIT);
        // The distributors' names and e-mails in one question to customer, however many entries wait.
        Map<Long, CustomerProfile> distributors = customers.findAll(held.stream().map(EntryBook.HeldEntry::distributorId)
                        .distinct().toList())
                .stream().collect(Collectors.toMap(CustomerProfile::id, Function.identity()));
        return held.stream().filter(h -> distributors.containsKey(h.distributorId()))
                .map(h -> new Hold(h.entryId(), h.distributorId(), distributors.get(h.distributorId()).name(),
                        distributors.get(h.distributorId()).email(), h.orderNumber(), h.level(), h.amount(),
                        reasons(h.holdReasons()), h.createdAt()))
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

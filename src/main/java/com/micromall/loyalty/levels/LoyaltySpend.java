package com.micromall.loyalty.levels;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What counts towards a level: the goods paid on each completed order (after its discounts, without shipping: what
 * the buyer really paid for goods) less what was refunded on them. Kept from order's events, once per order and per
 * refund however often an event is heard. An order counts from its completion for 12 months, its refunds with it.
 */
@Component
@RequiredArgsConstructor
class LoyaltySpend {

    static final String COMPLETED = "completed";

    private final JdbcClient jdbc;
    private final ShopTime shopTime;

    /**
     * The window a level is earned in, and the period it is held for: the same day and time of day a year away on
     * the shop's calendar (from Feb 29, Feb 28), so the shop's clock, not UTC's, decides where the year ends.
     */
    Instant yearBefore(Instant now) {
        return now.atZone(shopTime.zone()).minusYears(1).toInstant();
    }

    Instant yearAfter(Instant now) {
        return now.atZone(shopTime.zone()).plusYears(1).toInstant();
    }

    /** Returns whether this call recorded it (false when the event was heard before). */
    @Transactional
    public boolean recordCompleted(OrderCompleted event) {
        if (event.lines().isEmpty()) {
            return false;
        }
        Money paid = event.lines().stream().map(OrderLineSnapshot::paidAmount).reduce(Money::plus).orElseThrow();
        return record(event.customerId(), event.orderId(), COMPLETED, paid.amount(), paid.currency(), event.completedAt());
    }

    @Transactional
    public boolean recordRefunded(OrderRefunded event) {
        if (event.lines().isEmpty()) {
            return false;
        }
        Money refunded = event.lines().stream().map(RefundedLine::amount).reduce(Money::plus).orElseThrow();
        String key = "refund:" + (event.refundId() != null ? event.refundId() : event.refundedAt().toString());
        return record(event.customerId(), event.orderId(), key, refunded.amount().negate(), refunded.currency(),
                event.refundedAt());
    }

    private boolean record(long customerId, long orderId, String entry, BigDecimal amount, Currency currency, Instant at) {
        try {
            return jdbc.sql("""
                            INSERT INTO loyalty_spend (customer_id, order_id, entry, amount, currency, recorded_at)
                            SELECT :c, :o, :e, :a, :cur, :at WHERE NOT EXISTS
                              (SELECT 1 FROM loyalty_spend WHERE order_id = :o AND entry = :e)""")
                    .param("c", customerId).param("o", orderId).param("e", entry).param("a", amount)
                    .param("cur", currency.getCurrencyCode()).param("at", Timestamp.from(at)).update() == 1;
        } catch (DuplicateKeyException heardTwiceAtOnce) {
            return false;
        }
    }

    /**
     * Goods paid on the orders completed in the 12 months before {@code now}, less their refunds, in the shop's
     * currency (orders in an earlier currency count nothing). A refund made before the order completed counts too:
     * the order's completion places it.
     */
    @Transactional(readOnly = true)
    public Money rollingSpendOf(long customerId, Instant now, Currency currency) {
        return spendOf(customerId, yearBefore(now), now, currency);
    }

    /** As {@link #rollingSpendOf}, for the orders completed after {@code since}. */
    @Transactional(readOnly = true)
    public Money spendOf(long customerId, Instant since, Instant now, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                        SELECT COALESCE(SUM(s.amount), 0) FROM loyalty_spend s
                        JOIN loyalty_spend c ON c.order_id = s.order_id AND c.entry = :completed
                        WHERE c.customer_id = :c AND c.currency = :cur AND s.currency = :cur
                          AND c.recorded_at > :since AND c.recorded_at <= :now""")
                .param("completed", COMPLETED).param("c", customerId).param("cur", currency.getCurrencyCode())
                .param("since", Timestamp.from(since)).param("now", Timestamp.from(now))
                .query(BigDecimal.class).single();
        return Money.of(sum, currency).max(Money.zero(currency));
    }
}

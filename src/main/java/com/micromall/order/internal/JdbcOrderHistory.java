package com.micromall.order.internal;

import com.micromall.order.CustomerOrder;
import com.micromall.order.OrderHistory;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class JdbcOrderHistory implements OrderHistory {

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;

    @Override
    @Transactional(readOnly = true)
    public boolean hasOrdersOtherThanCancelled(long customerId) {
        return jdbc.sql("SELECT count(*) FROM shop_order WHERE customer_id = :id AND status <> 'CANCELLED'")
                .param("id", customerId).query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerOrder> ordersOf(long customerId) {
        return jdbc.sql("""
                        SELECT number, customer_id, customer_name, customer_email, status, placed_at, currency, total,
                               refunded_total
                        FROM shop_order WHERE customer_id = :id ORDER BY placed_at DESC, id DESC""")
                .param("id", customerId)
                .query((rs, i) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new CustomerOrder(rs.getString("number"), rs.getLong("customer_id"),
                            rs.getString("customer_name"), rs.getString("customer_email"), rs.getString("status"),
                            rs.getTimestamp("placed_at").toInstant(), Money.of(rs.getBigDecimal("total"), currency),
                            Money.of(rs.getBigDecimal("refunded_total"), currency));
                })
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlacedOrder> placedOrdersOf(long customerId) {
        record Head(long id, String number, String status, Instant placedAt, Money total) {
        }
        List<Head> heads = jdbc.sql("""
                        SELECT id, number, status, placed_at, currency, total FROM shop_order
                        WHERE customer_id = :id ORDER BY placed_at DESC, id DESC""")
                .param("id", customerId)
                .query((rs, i) -> new Head(rs.getLong("id"), rs.getString("number"), rs.getString("status"),
                        rs.getTimestamp("placed_at").toInstant(),
                        Money.of(rs.getBigDecimal("total"), Currency.getInstance(rs.getString("currency")))))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PlacedLine>> lines = new HashMap<>();
        jdbc.sql("SELECT order_id, product_id, product_name FROM order_line WHERE order_id IN (:ids) ORDER BY order_id, position")
                .param("ids", heads.stream().map(Head::id).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("order_id"), id -> new ArrayList<>())
                            .add(new PlacedLine(rs.getLong("product_id"), rs.getString("product_name")));
                });
        return heads.stream().map(h -> new PlacedOrder(h.id(), h.number(), h.status(), h.placedAt(), h.total(),
                List.copyOf(lines.getOrDefault(h.id(), List.of())))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Money lifetimeValueOf(long customerId) {
        Currency currency = shopSettings.current().currency();
        BigDecimal sum = jdbc.sql("""
                        SELECT COALESCE(SUM(o.total - o.refunded_total), 0) FROM shop_order o
                        WHERE o.customer_id = :id AND o.currency = :currency
                          AND EXISTS (SELECT 1 FROM order_status_change c WHERE c.order_id = o.id AND c.kind = 'COMPLETED')""")
                .param("id", customerId).param("currency", currency.getCurrencyCode())
                .query(BigDecimal.class).single();
        return Money.of(sum, currency);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> customersWithOrdersSince(Instant since) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT customer_id FROM shop_order WHERE placed_at >= :since AND status <> 'CANCELLED'""")
                .param("since", Timestamp.from(since)).query(Long.class).list());
    }
}

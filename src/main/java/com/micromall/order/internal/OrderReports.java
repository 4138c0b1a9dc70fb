package com.micromall.order.internal;

import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's figures and order lists, straight from SQL. */
@Service
@RequiredArgsConstructor
public class OrderReports {

    public record Filter(@Nullable String status, @Nullable LocalDate from, @Nullable LocalDate to,
                         @Nullable String customer) {
    }

    public record Page(List<OrderViews.Summary> orders, int page, int pageSize, long total) {

        public int totalPages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages();
        }
    }

    public record Figures(long ordersToday, Money revenueToday, long ordersWeek, Money revenueWeek,
                          long awaitingPayment, long awaitingShipment, List<OrderViews.Summary> latest) {
    }

    private static final String SUMMARY = """
            SELECT o.number, o.customer_id, o.customer_name, o.customer_email, o.status, o.payment_method,
                   o.placed_at, o.currency, o.total,
                   (SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l WHERE l.order_id = o.id) AS items
            FROM shop_order o""";

    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional(readOnly = true)
    public Page search(Filter filter, int page, int pageSize, ZoneId zone) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" AND o.status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.append(" AND o.placed_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND o.placed_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.customer() != null && !filter.customer().isBlank()) {
            where.append(" AND (LOWER(o.customer_name) LIKE :who OR LOWER(o.customer_email) LIKE :who)");
            params.put("who", "%" + filter.customer().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM shop_order o" + where).params(params).query(Long.class).single();
        List<OrderViews.Summary> rows = jdbc.sql(SUMMARY + where
                        + " ORDER BY o.placed_at DESC, o.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageSize).param("offset", (long) page * pageSize)
                .query((rs, i) -> summary(rs)).list();
        return new Page(rows, page, pageSize, total);
    }

    @Transactional(readOnly = true)
    public List<OrderViews.Summary> ordersOfCustomer(long customerId) {
        return jdbc.sql(SUMMARY + " WHERE o.customer_id = :c ORDER BY o.placed_at DESC, o.id DESC")
                .param("c", customerId).query((rs, i) -> summary(rs)).list();
    }

    /** Revenue = what paid orders brought in, minus what was refunded, by payment time. */
    @Transactional(readOnly = true)
    public Figures figures(ZoneId zone, Currency currency) {
        Instant now = clock.instant();
        Instant today = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Instant week = LocalDate.ofInstant(now, zone).minusDays(6).atStartOfDay(zone).toInstant();
        return new Figures(placedSince(today), revenueSince(today, currency), placedSince(week),
                revenueSince(week, currency), countStatus(OrderStatus.PENDING_PAYMENT), countStatus(OrderStatus.PAID),
                jdbc.sql(SUMMARY + " ORDER BY o.placed_at DESC, o.id DESC LIMIT 10").query((rs, i) -> summary(rs)).list());
    }

    private long placedSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE placed_at >= :since")
                .param("since", Timestamp.from(since)).query(Long.class).single();
    }

    private Money revenueSince(Instant since, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                        SELECT COALESCE(SUM(total - refunded_total), 0) FROM shop_order
                        WHERE paid_at >= :since AND currency = :currency""")
                .param("since", Timestamp.from(since)).param("currency", currency.getCurrencyCode())
                .query(BigDecimal.class).single();
        return Money.of(sum, currency);
    }

    private long countStatus(OrderStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE status = :s").param("s", status.name())
                .query(Long.class).single();
    }

    private static OrderViews.Summary summary(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new OrderViews.Summary(rs.getString("number"), rs.getLong("customer_id"), rs.getString("customer_name"),
                rs.getString("customer_email"), rs.getString("status"),
                PaymentMethod.valueOf(rs.getString("payment_method")), rs.getTimestamp("placed_at").toInstant(),
                rs.getInt("items"), Money.of(rs.getBigDecimal("total"), currency));
    }
}

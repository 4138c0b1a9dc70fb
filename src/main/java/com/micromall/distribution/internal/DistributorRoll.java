package com.micromall.distribution.internal;

import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's roll of distributors with their contact data and figures. Each figure is one
 * aggregate over its table joined to the page, so a page costs two queries (count + rows) however
 * many distributors there are - no query per row. "Available" follows the dashboard: AVAILABLE
 * entries less withdrawals requested or paid and store credit spent; "paid out" = PAID withdrawals.
 * Referred orders are the orders of customers bound to the distributor, cancelled ones left out;
 * their GMV is what was paid less what was refunded.
 */
@Service
@RequiredArgsConstructor
public class DistributorRoll {

    /** The whitelisted sort orders; anything else falls back to {@link #NAME}. */
    public enum Sort {
        NAME("LOWER(c.name) ASC"), REFERRED("referred DESC"), GMV("gmv DESC"), COMMISSION("earned DESC");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public static Sort parse(@Nullable String value) {
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(value)) {
                    return sort;
                }
            }
            return NAME;
        }
    }

    public record Row(long customerId, String name, String email, @Nullable String phone, @Nullable String wechatId,
                      String code, DistributorStatus status, long referred, long orders, Money gmv, Money frozen,
                      Money available, Money onHold, Money paidOut) {
    }

    public record Page(List<Row> rows, int page, int pageSize, long total) {

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

    private static final String FROM = """
             FROM distributor d JOIN customer c ON c.id = d.customer_id
            """;
    private static final String MATCHING = """
             WHERE (LOWER(c.name) LIKE :pattern ESCAPE '\\' OR LOWER(c.email) LIKE :pattern ESCAPE '\\'
              OR LOWER(d.code) LIKE :pattern ESCAPE '\\')
            """;
    private static final String ROWS = """
            SELECT d.customer_id, c.name, c.email, c.phone, c.wechat_id, d.code, d.status,
                COALESCE(r.referred, 0) AS referred, COALESCE(o.orders, 0) AS orders, COALESCE(o.gmv, 0) AS gmv,
                COALESCE(e.frozen, 0) AS frozen, COALESCE(e.available, 0) - COALESCE(w.taken, 0) - COALESCE(s.spent, 0) AS available,
                COALESCE(e.on_hold, 0) AS on_hold, COALESCE(w.paid_out, 0) AS paid_out,
                COALESCE(e.frozen, 0) + COALESCE(e.available, 0) + COALESCE(e.on_hold, 0) AS earned
            FROM distributor d JOIN customer c ON c.id = d.customer_id
            LEFT JOIN (SELECT referrer_id, COUNT(*) AS referred FROM referral_binding GROUP BY referrer_id) r
                ON r.referrer_id = d.customer_id
            LEFT JOIN (SELECT b.referrer_id, COUNT(*) AS orders, SUM(so.total - so.refunded_total) AS gmv
                       FROM shop_order so JOIN referral_binding b ON b.referee_id = so.customer_id
                       WHERE so.status <> 'CANCELLED' GROUP BY b.referrer_id) o ON o.referrer_id = d.customer_id
            LEFT JOIN (SELECT distributor_id,
                           SUM(CASE WHEN state = 'FROZEN' THEN amount ELSE 0 END) AS frozen,
                           SUM(CASE WHEN state = 'AVAILABLE' THEN amount ELSE 0 END) AS available,
                           SUM(CASE WHEN state = 'ON_HOLD' THEN amount ELSE 0 END) AS on_hold
                       FROM commission_entry GROUP BY distributor_id) e ON e.distributor_id = d.customer_id
            LEFT JOIN (SELECT distributor_id, SUM(amount) AS taken,
                           SUM(CASE WHEN state = 'PAID' THEN amount ELSE 0 END) AS paid_out
                       FROM withdrawal WHERE state IN ('REQUESTED', 'PAID') GROUP BY distributor_id) w
                ON w.distributor_id = d.customer_id
            LEFT JOIN (SELECT distributor_id, SUM(cash_amount) AS spent FROM store_credit_spend
                       WHERE restored_at IS NULL GROUP BY distributor_id) s ON s.distributor_id = d.customer_id
            """;

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;

    @Transactional(readOnly = true)
    public Page search(@Nullable String query, Sort sort, int page, int pageSize) {
        int safePage = Math.max(page, 0);
        Map<String, Object> params = params(query);
        String where = params.isEmpty() ? "" : MATCHING;
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
        Currency currency = shopSettings.current().currency();
        List<Row> rows = jdbc.sql(ROWS + where + " ORDER BY " + sort.orderBy + ", d.customer_id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageSize).param("offset", (long) safePage * pageSize)
                .query((rs, i) -> row(rs, currency)).list();
        return new Page(rows, safePage, pageSize, total);
    }

    /** Every matching distributor in the given order, one at a time (for the CSV export): one query. */
    @Transactional(readOnly = true)
    public void forEach(@Nullable String query, Sort sort, Consumer<Row> consumer) {
        Map<String, Object> params = params(query);
        Currency currency = shopSettings.current().currency();
        jdbc.sql(ROWS + (params.isEmpty() ? "" : MATCHING) + " ORDER BY " + sort.orderBy + ", d.customer_id")
                .params(params).query(rs -> {
                    consumer.accept(row(rs, currency));
                });
    }

    private static Map<String, Object> params(@Nullable String query) {
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            params.put("pattern", "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return params;
    }

    private static Row row(ResultSet rs, Currency currency) throws SQLException {
        return new Row(rs.getLong("customer_id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("wechat_id"), rs.getString("code"), DistributorStatus.valueOf(rs.getString("status")),
                rs.getLong("referred"), rs.getLong("orders"), money(rs.getBigDecimal("gmv"), currency),
                money(rs.getBigDecimal("frozen"), currency), money(rs.getBigDecimal("available"), currency),
                money(rs.getBigDecimal("on_hold"), currency), money(rs.getBigDecimal("paid_out"), currency));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency, java.math.RoundingMode.HALF_UP);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

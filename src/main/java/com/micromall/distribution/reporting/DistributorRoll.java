package com.micromall.distribution.reporting;

import com.micromall.distribution.referral.DistributorStatus;

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
 * The owner's roll of distributors with their contact data and figures: referred customers, orders and GMV from
 * reporting's row per distributor (the dashboard's definition, see {@link ReferredFigures}), money from the
 * ledger's account row. A page costs two queries (count + rows); the sorts by GMV and referred walk an index -
 * nothing aggregates orders or entries per page view. "Available" follows the dashboard: AVAILABLE entries less
 * withdrawals requested or paid and store credit spent; "paid out" = PAID withdrawals.
 */
@Service
@RequiredArgsConstructor
public class DistributorRoll {

    /** The whitelisted sort orders; anything else falls back to {@link #NAME}. */
    public enum Sort {
        NAME("LOWER(c.name) ASC"), REFERRED("r.referred DESC"), GMV("r.gmv DESC"), COMMISSION("COALESCE(a.earned, 0) DESC");

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
             FROM report_distributor r JOIN distributor d ON d.customer_id = r.customer_id
             JOIN customer c ON c.id = d.customer_id LEFT JOIN distributor_account a ON a.distributor_id = r.customer_id
            """;
    private static final String MATCHING = """
             WHERE (LOWER(c.name) LIKE :pattern ESCAPE '\\' OR LOWER(c.email) LIKE :pattern ESCAPE '\\'
              OR LOWER(d.code) LIKE :pattern ESCAPE '\\')
            """;
    /** One row per distributor: its reporting row (referred, orders, GMV) and its money totals; no aggregate per page view. */
    private static final String ROWS = """
            SELECT d.customer_id, c.name, c.email, c.phone, c.wechat_id, d.code, d.status,
                r.referred, r.orders, r.gmv, COALESCE(a.frozen, 0) AS frozen,
                COALESCE(a.available - a.withdrawing - a.withdrawn - a.credit_spent, 0) AS available,
                COALESCE(a.on_hold, 0) AS on_hold, COALESCE(a.withdrawn, 0) AS paid_out, COALESCE(a.earned, 0) AS earned
            """ + FROM;

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;

    @Transactional(readOnly = true)
    public Page search(@Nullable String query, Sort sort, int page, int pageSize) {
        int safePage = Math.max(page, 0);
        Map<String, Object> params = params(query);
        String where = params.isEmpty() ? "" : MATCHING;
        // Without a search every distributor is on the roll (reporting keeps a row for each from its enrolment).
        long total = jdbc.sql(params.isEmpty() ? "SELECT COUNT(*) FROM distributor" : "SELECT COUNT(*)" + FROM + where)
                .params(params).query(Long.class).single();
        Currency currency = shopSettings.current().currency();
        List<Row> rows = jdbc.sql(ROWS + where + " ORDER BY " + sort.orderBy + ", r.customer_id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageSize).param("offset", (long) safePage * pageSize)
                .query((rs, i) -> row(rs, currency)).list();
        return new Page(rows, safePage, pageSize, total);
    }

    /** Every matching distributor in the given order, one at a time (for the CSV export): one query. */
    @Transactional(readOnly = true)
    public void forEach(@Nullable String query, Sort sort, Consumer<Row> consumer) {
        Map<String, Object> params = params(query);
        Currency currency = shopSettings.current().currency();
        jdbc.sql(ROWS + (params.isEmpty() ? "" : MATCHING) + " ORDER BY " + sort.orderBy + ", r.customer_id")
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

    /** A distributor whose money never moved has no account row yet: zero. */
    private static Money money(@Nullable BigDecimal amount, Currency currency) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount, currency, java.math.RoundingMode.HALF_UP);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

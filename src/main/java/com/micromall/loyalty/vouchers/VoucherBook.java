package com.micromall.loyalty.vouchers;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The voucher tables, read and written with plain SQL. */
@Repository
@RequiredArgsConstructor
class VoucherBook {

    private static final String TEMPLATE_COLUMNS = """
            t.id, t.name, t.kind, t.amount, t.percent, t.min_spend, t.currency, t.valid_from, t.valid_until,
            t.valid_days, t.per_customer_limit, t.scope, t.combines_with_welcome, t.on_registration, t.referral_reward,
            t.max_discount, t.active""";

    private static final String VOUCHER_SELECT = "SELECT v.id AS voucher_id, v.customer_id, v.issued_at, "
            + "v.valid_from AS v_from, v.valid_until AS v_until, v.used_order_number, v.used_at, v.discount, "
            + TEMPLATE_COLUMNS + " FROM loyalty_voucher v JOIN loyalty_voucher_template t ON t.id = v.template_id";

    private final JdbcClient jdbc;

    long insert(NewVoucherTemplate t, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO loyalty_voucher_template (name, kind, amount, percent, min_spend, currency, valid_from,
                    valid_until, valid_days, per_customer_limit, scope, combines_with_welcome, on_registration,
                    referral_reward, max_discount, created_at)
                VALUES (:name, :kind, :amount, :percent, :min, :currency, :from, :until, :days, :limit, :scope,
                    :combines, :registration, :referral, :max, :now)""")
                .param("name", t.name()).param("kind", t.kind().name()).param("amount", t.amount())
                .param("percent", t.percent()).param("min", t.minSpend()).param("currency", t.currency().getCurrencyCode())
                .param("from", timestamp(t.validFrom())).param("until", timestamp(t.validUntil()))
                .param("days", t.validDays()).param("limit", t.perCustomerLimit()).param("scope", t.scope().name())
                .param("combines", t.combinesWithWelcome()).param("registration", t.onRegistration())
                .param("referral", t.referralReward()).param("max", t.maxDiscount())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (long target : t.targets()) {
            jdbc.sql("INSERT INTO loyalty_voucher_template_target (template_id, target_id) VALUES (:t, :x)")
                    .param("t", id).param("x", target).update();
        }
        return id;
    }

    List<VoucherTemplate> templates() {
        List<Row> rows = jdbc.sql("SELECT " + TEMPLATE_COLUMNS + " FROM loyalty_voucher_template t ORDER BY t.id DESC")
                .query((rs, i) -> new Row(rs, "id")).list();
        return withTargets(rows).stream().map(r -> r.template).toList();
    }

    /** The switched-on templates with this flag set (on_registration, referral_reward). */
    List<VoucherTemplate> activeTemplatesWhere(String flagColumn) {
        List<Row> rows = jdbc.sql("SELECT " + TEMPLATE_COLUMNS + " FROM loyalty_voucher_template t WHERE t.active AND t."
                        + flagColumn + " ORDER BY t.id")
                .query((rs, i) -> new Row(rs, "id")).list();
        return withTargets(rows).stream().map(r -> r.template).toList();
    }

    /** The template, its row locked until the transaction ends: issues of one template run one after the other. */
    Optional<VoucherTemplate> lockTemplate(long id) {
        return jdbc.sql("SELECT " + TEMPLATE_COLUMNS + " FROM loyalty_voucher_template t WHERE t.id = :id FOR UPDATE")
                .param("id", id).query((rs, i) -> new Row(rs, "id")).optional()
                .map(row -> withTargets(List.of(row)).get(0).template);
    }

    Optional<VoucherTemplate> template(long id) {
        return jdbc.sql("SELECT " + TEMPLATE_COLUMNS + " FROM loyalty_voucher_template t WHERE t.id = :id")
                .param("id", id).query((rs, i) -> new Row(rs, "id")).optional()
                .map(row -> withTargets(List.of(row)).get(0).template);
    }

    /** How many vouchers of the template each of these customers holds (used, expired and valid alike). */
    Map<Long, Long> heldCounts(long templateId, Collection<Long> customerIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (customerIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT customer_id, COUNT(*) AS held FROM loyalty_voucher
                WHERE template_id = :t AND customer_id IN (:c) GROUP BY customer_id""")
                .param("t", templateId).param("c", customerIds)
                .query(rs -> {
                    counts.put(rs.getLong("customer_id"), rs.getLong("held"));
                });
        return counts;
    }

    /** Switches the template on or off; false when it already was so (a form sent twice changes nothing). */
    boolean setActive(long templateId, boolean active) {
        return jdbc.sql("UPDATE loyalty_voucher_template SET active = :a WHERE id = :id AND active <> :a")
                .param("a", active).param("id", templateId).update() > 0;
    }

    boolean issuedFor(long templateId, long customerId, String issuedFor) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM loyalty_voucher WHERE template_id = :t AND customer_id = :c AND issued_for = :f""")
                .param("t", templateId).param("c", customerId).param("f", issuedFor).query(Long.class).single() > 0;
    }

    void issue(long templateId, long customerId, Instant issuedAt, VoucherTemplate.Validity validity,
               @Nullable String issuedFor) {
        jdbc.sql("""
                INSERT INTO loyalty_voucher (template_id, customer_id, issued_at, valid_from, valid_until, issued_for)
                VALUES (:t, :c, :at, :from, :until, :for)""")
                .param("t", templateId).param("c", customerId).param("at", Timestamp.from(issuedAt))
                .param("from", Timestamp.from(validity.from())).param("until", Timestamp.from(validity.until()))
                .param("for", issuedFor).update();
    }

    List<CustomerVoucher> vouchersOf(long customerId) {
        return vouchers(jdbc.sql(VOUCHER_SELECT + " WHERE v.customer_id = :c ORDER BY v.valid_until, v.id")
                .param("c", customerId).query((rs, i) -> new Row(rs, "voucher_id")).list());
    }

    /** The customer's vouchers that are not used and valid at {@code now}. */
    List<CustomerVoucher> usableVouchersOf(long customerId, Instant now) {
        return vouchers(jdbc.sql(VOUCHER_SELECT + " WHERE v.customer_id = :c AND v.used_order_id IS NULL"
                        + " AND v.valid_from <= :now AND v.valid_until > :now ORDER BY v.valid_until, v.id")
                .param("c", customerId).param("now", Timestamp.from(now))
                .query((rs, i) -> new Row(rs, "voucher_id")).list());
    }

    /** The voucher if it is this customer's; anyone else's is as good as unknown. */
    Optional<CustomerVoucher> voucherOf(long customerId, long voucherId) {
        return vouchers(jdbc.sql(VOUCHER_SELECT + " WHERE v.id = :v AND v.customer_id = :c")
                .param("v", voucherId).param("c", customerId).query((rs, i) -> new Row(rs, "voucher_id")).list())
                .stream().findFirst();
    }

    /**
     * Locks the customer's voucher row until the order's transaction ends and says whether it is still free and
     * valid: a second order reading it after the first committed sees it used.
     */
    boolean lockUsable(long customerId, long voucherId, Instant now) {
        return jdbc.sql("""
                SELECT used_order_id, valid_from, valid_until FROM loyalty_voucher
                WHERE id = :v AND customer_id = :c FOR UPDATE""")
                .param("v", voucherId).param("c", customerId)
                .query((rs, i) -> rs.getObject("used_order_id") == null
                        && !rs.getTimestamp("valid_from").toInstant().isAfter(now)
                        && rs.getTimestamp("valid_until").toInstant().isAfter(now))
                .optional().orElse(false);
    }

    void markUsed(long voucherId, long orderId, String orderNumber, Money discount, Instant at) {
        jdbc.sql("""
                UPDATE loyalty_voucher SET used_order_id = :o, used_order_number = :n, used_at = :at, discount = :d
                WHERE id = :v AND used_order_id IS NULL""")
                .param("o", orderId).param("n", orderNumber).param("at", Timestamp.from(at))
                .param("d", discount.amount()).param("v", voucherId).update();
    }

    /** Frees the voucher an order used; a replay finds nothing to free. */
    int release(long orderId) {
        return jdbc.sql("""
                UPDATE loyalty_voucher SET used_order_id = NULL, used_order_number = NULL, used_at = NULL, discount = NULL
                WHERE used_order_id = :o""").param("o", orderId).update();
    }

    /** Frees the voucher an order used if it was still valid at {@code at}; a replay finds nothing to free. */
    int releaseBefore(long orderId, Instant at) {
        return jdbc.sql("""
                UPDATE loyalty_voucher SET used_order_id = NULL, used_order_number = NULL, used_at = NULL, discount = NULL
                WHERE used_order_id = :o AND valid_until > :at""")
                .param("o", orderId).param("at", Timestamp.from(at)).update();
    }

    Map<Long, TemplateFigures> figures(Currency currency, Instant now) {
        Map<Long, TemplateFigures> figures = new HashMap<>();
        jdbc.sql("""
                SELECT template_id, COUNT(*) AS issued, COUNT(used_order_id) AS used,
                       SUM(CASE WHEN used_order_id IS NULL AND valid_until <= :now THEN 1 ELSE 0 END) AS expired,
                       COALESCE(SUM(discount), 0) AS given
                FROM loyalty_voucher GROUP BY template_id""")
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    figures.put(rs.getLong("template_id"), new TemplateFigures(rs.getLong("issued"), rs.getLong("used"),
                            rs.getLong("expired"), Money.of(rs.getBigDecimal("given"), currency)));
                });
        return figures;
    }

    private List<CustomerVoucher> vouchers(List<Row> rows) {
        return withTargets(rows).stream().map(Row::voucher).toList();
    }

    /** Fills in the templates' targets with one query for all scoped templates among the rows. */
    private List<Row> withTargets(List<Row> rows) {
        Set<Long> scoped = new HashSet<>();
        rows.stream().filter(r -> r.template.scope() != VoucherTemplate.Scope.ALL).forEach(r -> scoped.add(r.template.id()));
        if (scoped.isEmpty()) {
            return rows;
        }
        Map<Long, Set<Long>> targets = new HashMap<>();
        jdbc.sql("SELECT template_id, target_id FROM loyalty_voucher_template_target WHERE template_id IN (:t)")
                .param("t", scoped)
                .query(rs -> {
                    targets.computeIfAbsent(rs.getLong("template_id"), k -> new HashSet<>()).add(rs.getLong("target_id"));
                });
        return rows.stream().map(r -> r.withTargets(targets.getOrDefault(r.template.id(), Set.of()))).toList();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** One result row: a template, and the voucher's own columns when the query selected them. */
    private static final class Row {

        final VoucherTemplate template;
        final @Nullable CustomerVoucher voucher;

        Row(ResultSet rs, String idColumn) throws SQLException {
            Currency currency = Currency.getInstance(rs.getString("currency"));
            BigDecimal amount = rs.getBigDecimal("amount");
            BigDecimal maxDiscount = rs.getBigDecimal("max_discount");
            int days = rs.getInt("valid_days");
            Integer validDays = rs.wasNull() ? null : days;
            this.template = new VoucherTemplate(rs.getLong("id"), rs.getString("name"),
                    VoucherTemplate.Kind.valueOf(rs.getString("kind")), amount == null ? null : Money.of(amount, currency),
                    rs.getBigDecimal("percent"), Money.of(rs.getBigDecimal("min_spend"), currency),
                    instant(rs, "valid_from"), instant(rs, "valid_until"), validDays, rs.getInt("per_customer_limit"),
                    VoucherTemplate.Scope.valueOf(rs.getString("scope")), Set.of(), rs.getBoolean("combines_with_welcome"),
                    rs.getBoolean("on_registration"), rs.getBoolean("referral_reward"),
                    maxDiscount == null ? null : Money.of(maxDiscount, currency), rs.getBoolean("active"));
            if (idColumn.equals("voucher_id")) {
                BigDecimal discount = rs.getBigDecimal("discount");
                this.voucher = new CustomerVoucher(rs.getLong("voucher_id"), rs.getLong("customer_id"), template,
                        rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("v_from").toInstant(),
                        rs.getTimestamp("v_until").toInstant(), rs.getString("used_order_number"), instant(rs, "used_at"),
                        discount == null ? null : Money.of(discount, currency));
            } else {
                this.voucher = null;
            }
        }

        private Row(VoucherTemplate template, @Nullable CustomerVoucher voucher) {
            this.template = template;
            this.voucher = voucher;
        }

        Row withTargets(Set<Long> targets) {
            VoucherTemplate t = template;
            VoucherTemplate full = new VoucherTemplate(t.id(), t.name(), t.kind(), t.amount(), t.percent(), t.minSpend(),
                    t.validFrom(), t.validUntil(), t.validDays(), t.perCustomerLimit(), t.scope(), targets,
                    t.combinesWithWelcome(), t.onRegistration(), t.referralReward(), t.maxDiscount(), t.active());
            CustomerVoucher v = voucher;
            return new Row(full, v == null ? null : new CustomerVoucher(v.id(), v.customerId(), full, v.issuedAt(),
                    v.validFrom(), v.validUntil(), v.usedOrderNumber(), v.usedAt(), v.discount()));
        }

        CustomerVoucher voucher() {
            if (voucher == null) {
                throw new IllegalStateException("not a voucher row");
            }
            return voucher;
        }
    }
}

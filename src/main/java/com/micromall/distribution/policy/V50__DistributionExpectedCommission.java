package com.micromall.distribution.policy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the orders that were open (PLACED) before V49 in their sharers' expected commission: per order from its
 * lines with CommissionPolicy, onto the snapshot row, then the sums into distributor_totals (a table later migrations
 * drop). A Java migration because the amounts come from the policy, not from SQL; Spring Boot hands Flyway every
 * JavaMigration bean, and Flyway runs it once, in its transaction, before the shop starts.
 */
@Component
class V50__DistributionExpectedCommission extends BaseJavaMigration {

    private record Terms(@Nullable Long level1, @Nullable Long level2, BigDecimal level1Percent, BigDecimal level2Percent,
                         Currency currency) {
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        // The SQL is written out here as it was when this ran first, so later changes to the app never change it.
        List<Long> open = jdbc.sql("SELECT order_id FROM commission_snapshot WHERE state = 'PLACED' ORDER BY order_id")
                .query(Long.class).list();
        for (Long orderId : open) {
            Terms t = jdbc.sql("""
                    SELECT level1_id, level2_id, level1_percent, level2_percent, currency, state FROM commission_snapshot
                    WHERE order_id = :o""")
                    .param("o", orderId)
                    .query((rs, i) -> new Terms(rs.getObject("level1_id", Long.class), rs.getObject("level2_id", Long.class),
                            rs.getBigDecimal("level1_percent"), rs.getBigDecimal("level2_percent"),
                            Currency.getInstance(rs.getString("currency"))))
                    .single();
            List<OrderTerms.SnapshotLine> lines = jdbc.sql("""
                    SELECT line_id, product_id, quantity, paid_amount, override_percent, override_fixed,
                        refunded_before_completion, friend_gift
                    FROM commission_snapshot_line WHERE order_id = :o ORDER BY line_id""")
                    .param("o", orderId)
                    .query((rs, i) -> new OrderTerms.SnapshotLine(rs.getLong("line_id"), rs.getLong("product_id"),
                            rs.getInt("quantity"), rs.getBigDecimal("paid_amount"), rs.getBigDecimal("override_percent"),
                            rs.getBigDecimal("override_fixed"), rs.getInt("refunded_before_completion"),
                            rs.getBigDecimal("friend_gift")))
                    .list();
            BigDecimal expected1 = t.level1() == null ? BigDecimal.ZERO : expected(lines, t, 1);
            BigDecimal expected2 = t.level2() == null ? BigDecimal.ZERO : expected(lines, t, 2);
            jdbc.sql("UPDATE commission_snapshot SET level1_expected = :a, level2_expected = :b WHERE order_id = :o")
                    .param("a", expected1).param("b", expected2).param("o", orderId).update();
            add(jdbc, t.level1(), expected1);
            add(jdbc, t.level2(), expected2);
        }
    }

    private static BigDecimal expected(List<OrderTerms.SnapshotLine> lines, Terms t, int level) {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderTerms.SnapshotLine line : lines) {
            sum = sum.add(line.commission(t.currency(), level, t.level1Percent(), t.level2Percent()).amount());
        }
        return sum;
    }

    private static void add(JdbcClient jdbc, @Nullable Long distributorId, BigDecimal amount) {
        if (distributorId == null || amount.signum() == 0) {
            return;
        }
        jdbc.sql("INSERT INTO distributor_totals (customer_id) VALUES (:d) ON CONFLICT DO NOTHING")
                .param("d", distributorId).update();
        jdbc.sql("UPDATE distributor_totals SET expected = expected + :a WHERE customer_id = :d")
                .param("a", amount).param("d", distributorId).update();
    }
}

package com.micromall.distribution.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the orders that were open (PLACED) before V49 in their sharers' expected commission: per order from its
 * lines with CommissionPolicy ({@link DistributorTotals#countExpected}), then the sums into distributor_totals.
 * A Java migration because the amounts come from the policy, not from SQL; Spring Boot hands Flyway every
 * JavaMigration bean, and Flyway runs it once, in its transaction, before the shop starts.
 */
@Component
class V50__DistributionExpectedCommission extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        List<Long> open = jdbc.sql("SELECT order_id FROM commission_snapshot WHERE state = 'PLACED' ORDER BY order_id")
                .query(Long.class).list();
        for (Long orderId : open) {
            DistributorTotals.ExpectedCount count = DistributorTotals.countExpected(jdbc, orderId);
            add(jdbc, count.level1(), count.expected1());
            add(jdbc, count.level2(), count.expected2());
        }
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

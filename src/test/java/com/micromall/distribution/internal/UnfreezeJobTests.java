package com.micromall.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@MicromallTest
class UnfreezeJobTests {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired QueryCounter queries;

    @Test
    void oneHundredThousandDueEntriesBecomeAvailableInOneRunWithThreeSetBasedStatements() {
        long distributor = new OrderFixtures(jdbc, encoder).customer("Many").id();
        long lineBase = 1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000;
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                SELECT :d, 1, -1, 'MM-BULK', :base + g, 1, 1, 'COMMISSION', 1, '10%', 1.25, 'CNY', 'FROZEN', :due, :created
                FROM generate_series(1, 100000) AS g""")
                .param("d", distributor).param("base", lineBase)
                .param("due", Timestamp.from(now.minus(Duration.ofMinutes(1))))
                .param("created", Timestamp.from(now.minus(Duration.ofDays(8)))).update();
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-BULK', :line, 1, 1, 'COMMISSION', 1, '10%', 1.25, 'CNY', 'FROZEN', :later, :created)""")
                .param("d", distributor).param("line", lineBase)
                .param("later", Timestamp.from(now.plus(Duration.ofDays(1))))
                .param("created", Timestamp.from(now)).update();

        JdbcClient plain = JdbcClient.create(dataSource);
        new DistributorTotals(plain).recompute(distributor);
        UnfreezeJob job = new UnfreezeJob(plain, new DistributorTotals(plain), Clock.fixed(now, clock.getZone()));
        List<String> statements = queries.record(() -> new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .executeWithoutResult(s -> job.unfreezeDueCommissions()));

        // The totals (one MERGE per run, not per entry), the timeline, the states.
        assertThat(statements).hasSize(3);
        assertThat(new DistributorTotals(plain).row(distributor)).satisfies(row -> {
            assertThat((java.math.BigDecimal) row.get("available")).isEqualByComparingTo("125000.00");
            assertThat((java.math.BigDecimal) row.get("frozen")).isEqualByComparingTo("1.25");
            assertThat((java.math.BigDecimal) row.get("earned")).isEqualByComparingTo("125001.25");
        });
        assertThat(count("SELECT COUNT(*) FROM commission_entry WHERE distributor_id = :d AND state = 'AVAILABLE'", distributor))
                .isEqualTo(100_000);
        assertThat(count("SELECT COUNT(*) FROM commission_entry WHERE distributor_id = :d AND state = 'FROZEN'", distributor))
                .isEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM commission_entry_event ev JOIN commission_entry e ON e.id = ev.entry_id
                WHERE e.distributor_id = :d AND ev.state = 'AVAILABLE'""", distributor)).isEqualTo(100_000);
    }

    private long count(String sql, long distributor) {
        return jdbc.sql(sql).param("d", distributor).query(Long.class).single();
    }
}

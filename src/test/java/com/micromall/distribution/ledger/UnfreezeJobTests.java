package com.micromall.distribution.ledger;

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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
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
        new DistributorAccounts(plain).recompute(distributor);
        UnfreezeJob job = new UnfreezeJob(plain, new DistributorAccounts(plain), Clock.fixed(now, clock.getZone()),
                repeatableRead(), 40_000, Duration.ofMinutes(1));
        List<String> statements = queries.record(job::unfreezeDueCommissions);

        // Per chunk of 40 000 (two full, then the rest): its last entry, the totals (one MERGE per chunk, not per
        // entry), what became available per distributor (one grouped read, for the events), the timeline, the states.
        assertThat(statements).hasSize(3 * 5);
        assertThat(new DistributorAccounts(plain).row(distributor)).satisfies(row -> {
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

    @Test
    void eachRunMovesBoundedChunksInTheirOwnTransactionsAndStopsBeforeItsLockCeiling() {
        long distributor = new OrderFixtures(jdbc, encoder).customer("Chunked").id();
        Instant now = clock.instant();
        for (int i = 0; i < 10; i++) {
            frozenEntry(distributor, now.minus(Duration.ofMinutes(10 - i)));
        }
        JdbcClient plain = JdbcClient.create(dataSource);
        new DistributorAccounts(plain).recompute(distributor);
        // Twenty-five seconds pass with every look at the clock: the run starts at 0 s and checks its one-minute
        // budget before each chunk (25 s, 50 s: go on; 75 s: stop), so two chunks of four fit and the third waits.
        Clock slowRun = new Clock() {
            private Instant at = now;

            @Override public java.time.ZoneId getZone() { return clock.getZone(); }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() {
                Instant current = at;
                at = at.plusSeconds(25);
                return current;
            }
        };
        List<Boolean> chunkTransactionsWereNew = new java.util.ArrayList<>();
        TransactionTemplate chunks = repeatableRead();
        UnfreezeJob job = new UnfreezeJob(plain, new DistributorAccounts(plain), slowRun, new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return chunks.execute(status -> {
                    chunkTransactionsWereNew.add(status.isNewTransaction());
                    return action.doInTransaction(status);
                });
            }
        }, 4, Duration.ofMinutes(1));

        job.unfreezeDueCommissions();

        assertThat(chunkTransactionsWereNew).containsExactly(true, true);
        assertThat(count("SELECT COUNT(*) FROM commission_entry WHERE distributor_id = :d AND state = 'AVAILABLE'", distributor))
                .as("the eight entries due first").isEqualTo(8);
        assertThat(count("""
                SELECT COUNT(*) FROM commission_entry WHERE distributor_id = :d AND state = 'FROZEN'
                AND unfreezes_at >= :t""", distributor, now.minus(Duration.ofMinutes(2)))).isEqualTo(2);
        assertThat(new DistributorAccounts(plain).row(distributor)).satisfies(row -> {
            assertThat((java.math.BigDecimal) row.get("available")).isEqualByComparingTo("10.00");
            assertThat((java.math.BigDecimal) row.get("frozen")).isEqualByComparingTo("2.50");
        });

        job.unfreezeDueCommissions();

        assertThat(count("SELECT COUNT(*) FROM commission_entry WHERE distributor_id = :d AND state = 'AVAILABLE'", distributor))
                .as("the next run carries on").isEqualTo(10);
        assertThat(count("""
                SELECT COUNT(*) FROM commission_entry_event ev JOIN commission_entry e ON e.id = ev.entry_id
                WHERE e.distributor_id = :d AND ev.state = 'AVAILABLE'""", distributor)).isEqualTo(10);
        assertThat((java.math.BigDecimal) new DistributorAccounts(plain).row(distributor).get("available"))
                .isEqualByComparingTo("12.50");
    }

    private void frozenEntry(long distributor, Instant due) {
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-CHUNK', :line, 1, 1, 'COMMISSION', 1, '10%', 1.25, 'CNY', 'FROZEN', :due, :created)""")
                .param("d", distributor)
                .param("line", 2_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L))
                .param("due", Timestamp.from(due))
                .param("created", Timestamp.from(due.minus(Duration.ofDays(8)))).update();
    }

    private TransactionTemplate repeatableRead() {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template;
    }

    private long count(String sql, long distributor, Instant from) {
        return jdbc.sql(sql).param("d", distributor).param("t", Timestamp.from(from)).query(Long.class).single();
    }

    private long count(String sql, long distributor) {
        return jdbc.sql(sql).param("d", distributor).query(Long.class).single();
    }
}

package com.micromall.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.support.MicromallTest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void oneHundredThousandDueEntriesBecomeAvailableInOneRunWithTwoStatements() {
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

        AtomicInteger statements = new AtomicInteger();
        DataSource counting = countingStatements(dataSource, statements);
        UnfreezeJob job = new UnfreezeJob(JdbcClient.create(counting), Clock.fixed(now, clock.getZone()));
        new TransactionTemplate(new DataSourceTransactionManager(counting)).executeWithoutResult(s -> job.unfreezeDueCommissions());

        assertThat(statements.get()).isEqualTo(2);
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

    /** A DataSource whose statements count every execute call: an honest statement counter. */
    private static DataSource countingStatements(DataSource target, AtomicInteger counter) {
        InvocationHandler dataSourceHandler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? wrapConnection(connection, counter) : result;
        };
        return (DataSource) Proxy.newProxyInstance(UnfreezeJobTests.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, dataSourceHandler);
    }

    private static Connection wrapConnection(Connection connection, AtomicInteger counter) {
        return (Connection) Proxy.newProxyInstance(UnfreezeJobTests.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        return wrapStatement(statement, counter);
                    }
                    return result;
                });
    }

    private static Statement wrapStatement(Statement statement, AtomicInteger counter) {
        Class<?>[] interfaces = statement instanceof java.sql.CallableStatement
                ? new Class<?>[] {java.sql.CallableStatement.class}
                : statement instanceof java.sql.PreparedStatement
                ? new Class<?>[] {java.sql.PreparedStatement.class} : new Class<?>[] {Statement.class};
        return (Statement) Proxy.newProxyInstance(UnfreezeJobTests.class.getClassLoader(), interfaces,
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        counter.incrementAndGet();
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

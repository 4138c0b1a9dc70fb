package com.micromall.support;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application executes on the current thread while recording
 * (datasource-proxy around the application's DataSource). MockMvc runs a request on the test's
 * thread, so {@code queries.count(() -> mvc.perform(...))} is the number of statements one request
 * issued; work on other threads (async event listeners) is not counted. A JDBC batch counts once per
 * statement in it. {@code queries.commits(...)} counts the transactions committed the same way.
 * Available in every {@link MicromallTest}: {@code @Autowired QueryCounter queries}.
 */
public final class QueryCounter {

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();
    private final ThreadLocal<int[]> committing = new ThreadLocal<>();
    /** Statements of every thread (a journey's requests and the async listeners they set off), while recording. */
    private volatile @Nullable List<Statement> everywhere;

    /** One statement and the thread that executed it (e.g. {@code task-3} for an async event listener). */
    public record Statement(String thread, String sql) {
    }

    /** Statements (their SQL, in order) executed on this thread while running the action. */
    public List<String> record(ThrowingRunnable action) {
        List<String> previous = recording.get();
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            run(action);
        } finally {
            if (previous == null) {
                recording.remove();
            } else {
                recording.set(previous);
            }
        }
        return statements;
    }

    /**
     * Statements executed on any thread while running the action: the requests it sends and the async event listeners
     * they set off, as long as the action waits for those to finish. Not nested; nothing else should run meanwhile.
     */
    public List<Statement> recordEverywhere(ThrowingRunnable action) {
        List<Statement> statements = Collections.synchronizedList(new ArrayList<>());
        everywhere = statements;
        try {
            run(action);
        } finally {
            everywhere = null;
        }
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** The number of statements executed on this thread while running the action. */
    public int count(ThrowingRunnable action) {
        return record(action).size();
    }

    /** The number of transactions committed (Connection.commit) on this thread while running the action. */
    public int commits(ThrowingRunnable action) {
        int[] commits = {0};
        committing.set(commits);
        try {
            run(action);
        } finally {
            committing.remove();
        }
        return commits[0];
    }

    private static void run(ThrowingRunnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A runnable that may throw (MockMvc's perform does). */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    private final QueryExecutionListener listener = new QueryExecutionListener() {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            List<String> statements = recording.get();
            if (statements != null) {
                queryInfoList.forEach(q -> statements.add(q.getQuery()));
            }
            List<Statement> all = everywhere;
            if (all != null) {
                String thread = Thread.currentThread().getName();
                queryInfoList.forEach(q -> all.add(new Statement(thread, q.getQuery())));
            }
        }
    };

    private final MethodExecutionListener commitListener = new MethodExecutionListener() {
        @Override
        public void beforeMethod(MethodExecutionContext context) {
        }

        @Override
        public void afterMethod(MethodExecutionContext context) {
            int[] commits = committing.get();
            if (commits != null && context.getTarget() instanceof Connection && context.getMethod().getName().equals("commit")) {
                commits[0]++;
            }
        }
    };

    /** Wraps a DataSource so its statements and commits are counted while this counter records. */
    public DataSource wrap(DataSource target) {
        return ProxyDataSourceBuilder.create(target).name("query-counter").listener(listener)
                .methodListener(commitListener).build();
    }

    /** Puts the counter around the application's DataSource; imported by {@link MicromallTest}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static QueryCounter queryCounter() {
            return new QueryCounter();
        }

        @Bean
        static BeanPostProcessor queryCountingDataSource(org.springframework.beans.factory.ObjectProvider<QueryCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                        return counter.getObject().wrap(dataSource);
                    }
                    return bean;
                }
            };
        }
    }
}

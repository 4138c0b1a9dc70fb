package com.micromall.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every test runs on: a Testcontainers container when a Docker engine is
 * reachable, otherwise the server at {@code MICROMALL_TEST_DB_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/micromall_test}, user postgres, no password). That
 * database is dropped and created afresh once per test run, so every run starts from Flyway.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

    public record Database(String url, String username, String password) {
    }

    private static Database database;

    private TestPostgres() {
    }

    public static synchronized Database database() {
        if (database == null) {
            database = DockerClientFactory.instance().isDockerAvailable() ? startContainer() : useLocalServer();
        }
        return database;
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static Database startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        log.info("Tests use PostgreSQL from Testcontainers at {}", container.getJdbcUrl());
        return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Database useLocalServer() {
        String url = env("MICROMALL_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/micromall_test");
        String user = env("MICROMALL_TEST_DB_USER", "postgres");
        String password = env("MICROMALL_TEST_DB_PASSWORD", "");
        recreateDatabase(url, user, password);
        log.info("No Docker engine: tests use the PostgreSQL server at {} (user {})", url, user);
        return new Database(url, user, password);
    }

    /**
     * A fresh database of its own on the same server, for a test that boots only part of the application: its
     * Flyway run sees only that part's migrations, which must not stand as the shared database's history.
     */
    public static synchronized Database separate(String suffix) {
        Database shared = database();
        int slash = shared.url().lastIndexOf('/');
        int query = shared.url().indexOf('?', slash);
        String url = shared.url().substring(0, slash + 1)
                + shared.url().substring(slash + 1, query < 0 ? shared.url().length() : query) + "_" + suffix
                + (query < 0 ? "" : shared.url().substring(query));
        recreateDatabase(url, shared.username(), shared.password());
        return new Database(url, shared.username(), shared.password());
    }

    private static void recreateDatabase(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("Unexpected test database name: " + database);
        }
        String maintenanceUrl = url.substring(0, slash + 1) + "postgres";
        try (Connection db = DriverManager.getConnection(maintenanceUrl, user, password);
             Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    No Docker engine for Testcontainers, and no PostgreSQL server answered at %s.
                    Start one (bash .ci/postgres does) or set MICROMALL_TEST_DB_URL.""".formatted(maintenanceUrl), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.MicromallApplication;
import com.micromall.support.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as production runs it (the {@code postgres} profile) on a database of its own, so this class can cut
 * that database off without disturbing the other tests: behind an HTTPS proxy, and through a database outage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionProfileTests {

    private static final String OWNER_EMAIL = "owner@production.test";
    private static final String OWNER_PASSWORD = "a long production password";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final TestPostgres.Database shared = TestPostgres.database();
    private final String database = databaseName(shared.url()) + "_production";

    private ConfigurableApplicationContext app;
    private int port;

    @BeforeAll
    void startTheAppOnItsOwnDatabase() throws SQLException {
        maintenance("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database + " ENCODING 'UTF8'");
        app = new SpringApplicationBuilder(MicromallApplication.class).run(
                "--spring.profiles.active=postgres",
                // The test support would point this app at the shared test database: this one has its own.
                "--micromall.test.embedded=true",
                "--spring.datasource.url=" + shared.url().substring(0, shared.url().lastIndexOf('/') + 1) + database,
                "--spring.datasource.username=" + shared.username(),
                "--spring.datasource.password=" + shared.password(),
                "--micromall.owner.email=" + OWNER_EMAIL,
                "--micromall.owner.password=" + OWNER_PASSWORD,
                "--micromall.device-hash-salt=production-test-secret-of-more-than-32-bytes",
                "--micromall.scheduling.enabled=false",
                "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopTheAppAndDropItsDatabase() throws SQLException {
        if (app != null) {
            app.close();
        }
        maintenance("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true",
                "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void behindAnHttpsProxyTheCookiesAreSecureAndBrowsersAreToldToStayOnHttps() throws Exception {
        HttpResponse<String> login = send(get("/login").header("X-Forwarded-Proto", "https"));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age="));
        String csrfCookie = cookie(login, "XSRF-TOKEN").orElseThrow();
        assertThat(csrfCookie).containsIgnoringCase("; Secure");

        HttpResponse<String> signedIn = signIn(login, "https");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        assertThat(cookie(signedIn, "SESSION")).hasValueSatisfying(session ->
                assertThat(session).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));

        HttpResponse<String> plain = send(get("/login"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS only on https, where the browser can trust it").isEmpty();
    }

    @Test
    void whenTheDatabaseIsCutOffPagesAnswerTheShops503WithinSecondsAndComeBackWithoutARestart() throws Exception {
        assertThat(send(get("/products")).statusCode()).isEqualTo(200);
        String session = cookie(signIn(send(get("/login")), "http"), "SESSION").orElseThrow();
        String sessionCookie = session.substring(0, session.indexOf(';'));
        try {
            maintenance("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

            for (String language : List.of("en", "zh_CN")) {
                long started = System.nanoTime();
                HttpResponse<String> page = send(get("/products?lang=" + language));
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(page.statusCode()).as(language).isEqualTo(503);
                assertThat(took).as(language).isLessThan(Duration.ofSeconds(6));
                assertThat(page.body()).as(language)
                        .contains(language.equals("en") ? "be right back" : "我们马上回来")
                        .contains("bootstrap.min.css", "mm-header")
                        .doesNotContain("Exception", "at com.micromall", "at org.", "Whitelabel", "Apache Tomcat");
            }

            // A signed-in visitor: the session is read by a filter before any page is reached.
            HttpResponse<String> signedIn = send(get("/admin").header("Cookie", sessionCookie));
            assertThat(signedIn.statusCode()).as("signed in").isEqualTo(503);
            assertThat(signedIn.body()).as("signed in").contains("be right back")
                    .doesNotContain("Exception", "at com.micromall", "at org.", "Whitelabel", "Apache Tomcat");

            long started = System.nanoTime();
            HttpResponse<String> health = send(health());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        } finally {
            maintenance("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(send(get("/products")).statusCode()).isEqualTo(200));
        assertThat(send(health()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> signIn(HttpResponse<String> loginPage, String protocol) throws Exception {
        String csrfCookie = cookie(loginPage, "XSRF-TOKEN").orElseThrow();
        String token = Jsoup.parse(loginPage.body()).selectFirst("input[name=_csrf]").attr("value");
        return send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", protocol)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("email=" + OWNER_EMAIL.replace("@", "%40")
                        + "&password=" + OWNER_PASSWORD.replace(' ', '+') + "&_csrf=" + token)));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").timeout(Duration.ofSeconds(20)).GET();
    }

    private HttpRequest.Builder health() {
        return HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(20)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private void maintenance(String... statements) throws SQLException {
        String url = shared.url().substring(0, shared.url().lastIndexOf('/') + 1) + "postgres";
        try (Connection db = DriverManager.getConnection(url, shared.username(), shared.password());
             Statement sql = db.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static String databaseName(String url) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(slash + 1, query < 0 ? url.length() : query);
    }
}

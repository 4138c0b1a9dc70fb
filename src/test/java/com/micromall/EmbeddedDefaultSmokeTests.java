package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default ({@code ./mvnw spring-boot:run}) boots: H2 in PostgreSQL mode, every
 * migration (with the H2 vendor folder), the demo owner, the home page. In memory here, so
 * the test leaves nothing in ./data/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "micromall.test.embedded=true",
        "spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class EmbeddedDefaultSmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void bootsOnH2WithEveryMigrationAndServesTheShop() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(jdbc.sql("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'MODE'")
                .query(String.class).single()).isEqualTo("PostgreSQL");
        assertThat(jdbc.sql("SELECT count(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE role = 'OWNER'").query(Integer.class).single())
                .isEqualTo(1);

        HttpResponse<String> home = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome to Micromall");
    }
}

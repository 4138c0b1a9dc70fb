package com.micromall.distribution.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The block the demo shop logs once it is ready. Runs on the embedded default with its demo data, with the same
 * settings as {@code EmbeddedDefaultSmokeTests}, so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "micromall.test.embedded=true",
        "spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class DemoWelcomeTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoWelcome welcome;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void theWelcomeNamesTheShopOnItsActualPortLoginsThatSignInAndAnnasShareLinkThatOpens() throws Exception {
        String shop = "http://localhost:" + port;
        assertThat(welcome.shopUrl(port)).as("micromall.base-url names port 8080; the shop listens elsewhere")
                .isEqualTo(shop);

        String text = welcome.text(welcome.shopUrl(port));

        assertThat(text).contains("running at " + shop + "/", shop + "/admin", "owner@demo.micromall",
                "anna@demo.micromall, ben@demo.micromall, chen@demo.micromall, dina@demo.micromall");
        for (String email : List.of("owner", "anna", "ben", "chen", "dina")) {
            String hash = jdbc.sql("SELECT password_hash FROM customer WHERE email = :email")
                    .param("email", email + "@demo.micromall").query(String.class).single();
            assertThat(passwordEncoder.matches(passwordAfter(text, email), hash)).as(email + "'s printed password")
                    .isTrue();
        }
        Matcher link = Pattern.compile("Anna's share link.*?(" + Pattern.quote(shop) + "/r/[A-Z0-9]+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        HttpResponse<Void> opened = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link.group(1))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(opened.statusCode()).as("the link is known: it redirects to the shop").isEqualTo(302);
        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(":" + port + "/"));
        String code = link.group(1).substring(link.group(1).lastIndexOf('/') + 1);
        assertThat(opened.headers().allValues("Set-Cookie")).as("a known code: the visitor is attributed to Anna")
                .anySatisfy(cookie -> assertThat(cookie).contains("=" + code + ";"));
    }

    @Test
    void aPublicAddressIsKeptWhateverPortTheShopListensOn() {
        DemoWelcome behindProxy = new DemoWelcome(null, null, "https://shop.example/", "", "");
        assertThat(behindProxy.shopUrl(8080)).isEqualTo("https://shop.example");
    }

    @Test
    void withoutTheDemoShopThereIsNoWelcome() {
        new ApplicationContextRunner().withPropertyValues("micromall.demo.enabled=false")
                .withUserConfiguration(DemoWelcome.class)
                .run(context -> assertThat(context).doesNotHaveBean(DemoWelcome.class));
    }

    /** The password printed after the line that names the account. */
    private static String passwordAfter(String text, String name) {
        String line = text.lines().filter(l -> l.contains(name + "@demo.micromall")).findFirst().orElseThrow();
        return line.substring(line.lastIndexOf("/") + 1).strip();
    }
}

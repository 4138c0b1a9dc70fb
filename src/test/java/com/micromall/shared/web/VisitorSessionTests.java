package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.support.BrowserTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A visitor reading the shop costs no session: the forms' CSRF token travels in an HttpOnly cookie.
 * Against the real server (MockMvc's csrf() helper swaps the token store of the shared context).
 */
@BrowserTest
class VisitorSessionTests {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aProductPageWithItsAddToCartFormStartsNoSession() throws Exception {
        long product = new OrderFixtures(jdbc, encoder).product("Session-free tea", "9.90", 5);

        HttpResponse<String> page = get("/products/" + product);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(FORM_TOKEN.matcher(page.body()).find()).as("the add-to-cart form carries a token").isTrue();
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=")
                .containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void theFormTokenIsAcceptedWithItsCookieAndRefusedWithoutIt() throws Exception {
        HttpResponse<String> login = get("/login");
        Matcher token = FORM_TOKEN.matcher(login.body());
        assertThat(token.find()).isTrue();
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        String form = "email=nobody%40example.com&password=wrong&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> withCookie = post("/login", form, cookie);
        HttpResponse<String> withoutCookie = post("/login", form, null);

        assertThat(withCookie.statusCode()).isEqualTo(302);
        assertThat(withCookie.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(withoutCookie.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

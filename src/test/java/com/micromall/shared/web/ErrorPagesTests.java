package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages are the shop's own pages, in the visitor's language, and never show a stack trace. */
@BrowserTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownPageShowsTheShopsNotFoundPage() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/products/no-such-thing?lang=zh_CN"))
                .header("Accept", "text/html").GET().build());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在").contains("返回商城");
        assertNoInternals(page.body());
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenShowsTheForbiddenPage() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login"))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c&password=x")).build());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Not for you");
        assertNoInternals(page.body());
    }

    @Test
    void aNulByteInSignInOrAFormIsTurnedAwayWithTheShopsPageAndNoErrorLogged(CapturedOutput output) throws Exception {
        int logged = output.getAll().length();
        for (String[] form : new String[][] {{"/login", "email=nul%00%40example.com&password=x%00y"},
                {"/register", "name=Nu%00l&email=n%40example.com&password=a+long+password"}}) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri(form[0]))
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form[1])).build());
            assertThat(page.statusCode()).as(form[0]).isEqualTo(400);
            assertThat(page.body()).as(form[0]).contains("Please check what you typed")
                    .doesNotContain("Something changed meanwhile");
            assertNoInternals(page.body());
        }
        assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ").doesNotContain("invalid byte sequence");
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("at com.micromall")
                .doesNotContain("at org.springframework").doesNotContain("Whitelabel");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

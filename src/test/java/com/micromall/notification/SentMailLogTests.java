package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.PasswordResetMailRequested;
import com.micromall.customer.Role;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderPaid;
import com.micromall.shared.EventPublicationJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The owner's mail log: every mail the shop sent or is trying to send, read back through {@code /admin/mails} as the
 * customer saw it, with a real SMTP conversation (GreenMail) and with the server down.
 */
class SentMailLogTests extends MailServerTests {

    private static final AtomicLong ORDER_SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000 + 500_000);

    @Autowired MockMvc mvc;
    @Autowired EventPublicationJobs publicationJobs;
    @Autowired SentMailRetention retention;

    private static String orderNumber() {
        return "MM-LOG-" + ORDER_SEQUENCE.incrementAndGet();
    }

    private CustomerPrincipal owner() {
        long id = jdbc.sql("SELECT id FROM customer WHERE email = 'owner@demo.micromall'").query(Long.class).single();
        return new CustomerPrincipal(id, "owner@demo.micromall", "x", "Demo Owner",
                List.of(new SimpleGrantedAuthority(Role.OWNER.authority())));
    }

    private MockHttpServletResponse asOwner(String path) throws Exception {
        return mvc.perform(get(path).locale(Locale.ENGLISH).with(user(owner()))).andReturn().getResponse();
    }

    private Document ownersPage(String path) throws Exception {
        MockHttpServletResponse response = asOwner(path);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** The log's lines for this recipient, through the page's own filter. */
    private List<Element> logLinesTo(String email) throws Exception {
        return ownersPage("/admin/mails?to=" + email).select("#mail-log tbody tr");
    }

    @Test
    void aMailSentThroughTheServerAppearsInTheLogWithItsBodyAndPicturesAsTheCustomerSawIt() throws Exception {
        long customerId = customer("Lena Log", "en");
        String email = emailOf(customerId);
        String number = orderNumber();
        publish(new OrderCompleted(-ORDER_SEQUENCE.incrementAndGet(), number, customerId, Instant.now(), List.of()));
        Mail received = awaitMailTo(customerId);

        List<Element> lines = logLinesTo(email.substring(0, 12).toUpperCase());
        Element line = lines.stream().filter(l -> l.text().contains(number)).findFirst().orElseThrow();
        assertThat(line.attr("data-state")).isEqualTo("SENT");
        assertThat(line.text()).contains(email, "Order completed", "English", "Delivered", received.subject());

        String mailPath = line.selectFirst("a[href^=/admin/mails/]").attr("href");
        Document mail = ownersPage(mailPath);
        assertThat(mail.getElementById("mail-subject").text()).isEqualTo(received.subject());
        assertThat(mail.getElementById("mail-recipient").text()).isEqualTo(email);
        assertThat(mail.getElementById("mail-sent-at")).isNotNull();
        assertThat(mail.getElementById("mail-text").wholeText().strip())
                .isEqualTo(received.text().replace("\r\n", "\n").strip());
        Element frame = mail.getElementById("mail-html");
        assertThat(frame.attr("sandbox")).isEmpty();
        assertThat(frame.hasAttr("sandbox")).isTrue();

        MockHttpServletResponse body = asOwner(frame.attr("src"));
        assertThat(body.getStatus()).isEqualTo(200);
        assertThat(body.getHeader("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
        Document html = Jsoup.parse(body.getContentAsString());
        assertThat(html.text()).isEqualTo(received.html().text());
        assertThat(html.select("img").eachAttr("src")).as("the share QR code travels with the mail")
                .isNotEmpty().allSatisfy(src -> assertThat(src).startsWith("data:image/png;base64,"));
    }

    @Test
    void aSentMailsCopyIsForgottenAfterTheKeepingPeriodButItsLineInTheLogStays() throws Exception {
        long customerId = customer("Olga Old", "en");
        String email = emailOf(customerId);
        String number = orderNumber();
        publish(new OrderCompleted(-ORDER_SEQUENCE.incrementAndGet(), number, customerId, Instant.now(), List.of()));
        awaitMailTo(customerId);
        Element line = logLinesTo(email).stream().filter(l -> l.text().contains(number)).findFirst().orElseThrow();
        String mailPath = line.selectFirst("a[href^=/admin/mails/]").attr("href");
        long id = Long.parseLong(mailPath.substring(mailPath.lastIndexOf('/') + 1));

        retention.forgetCopiesSentBefore(Instant.now().minus(Duration.ofDays(1)));
        assertThat(ownersPage(mailPath).getElementById("mail-text")).as("a day old: still kept").isNotNull();

        retention.forgetCopiesSentBefore(Instant.now().plusSeconds(1));
        Document forgotten = ownersPage(mailPath);
        assertThat(forgotten.getElementById("mail-text")).isNull();
        assertThat(forgotten.getElementById("mail-html")).isNull();
        assertThat(forgotten.getElementById("mail-no-body").text()).contains("180 days");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sent_mail_image WHERE sent_mail_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(logLinesTo(email)).anySatisfy(l -> assertThat(l.text()).contains(number, "Delivered"));
    }

    @Test
    void aMailWhileTheServerIsDownIsWaitingWithItsFailedAttemptAndDeliveredOnceTheServerAnswers() throws Exception {
        long customerId = customer("Wanda Waiting", "en");
        String email = emailOf(customerId);
        String number = orderNumber();
        smtp.stop();
        try {
            publish(new OrderPaid(-ORDER_SEQUENCE.incrementAndGet(), number, customerId, Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                            SELECT COUNT(*) FROM sent_mail WHERE event_key = :n AND kind = 'order-paid' AND released""")
                    .param("n", number).query(Long.class).single() == 1);
        } finally {
            smtp.start();
        }

        Element waiting = logLinesTo(email).get(0);
        assertThat(waiting.attr("data-state")).isEqualTo("WAITING");
        assertThat(waiting.text()).contains("Waiting for the mail server", "1 failed attempt", number);
        Document mail = ownersPage(waiting.selectFirst("a[href^=/admin/mails/]").attr("href"));
        assertThat(mail.getElementById("mail-last-failure").text()).contains("ConnectException");
        assertThat(mail.getElementById("mail-text").text()).as("readable while it waits").contains(number);

        publicationJobs.resubmitIncompletePublications();
        awaitMailTo(customerId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(logLinesTo(email).get(0).attr("data-state")).isEqualTo("SENT"));
        assertThat(logLinesTo(email)).as("one line per mail, however many attempts").hasSize(1);
    }

    @Test
    void theLogShowsEachMailInItsRecipientsLanguage() throws Exception {
        long customerId = customer("王芳", "zh-CN");
        String email = emailOf(customerId);
        String number = orderNumber();
        publish(new OrderPaid(-ORDER_SEQUENCE.incrementAndGet(), number, customerId, Instant.now()));
        Mail received = awaitMailTo(customerId);

        Element line = logLinesTo(email).get(0);
        assertThat(line.text()).contains("简体中文", received.subject());
        assertThat(received.subject()).contains(messages.getMessage("mail.subject.paid", new Object[] {number},
                Locale.SIMPLIFIED_CHINESE));
        Document mail = ownersPage(line.selectFirst("a[href^=/admin/mails/]").attr("href"));
        assertThat(mail.getElementById("mail-language").text()).isEqualTo("简体中文");
        assertThat(mail.getElementById("mail-text").text()).contains("王芳");
        assertThat(Jsoup.parse(asOwner(mail.getElementById("mail-html").attr("src")).getContentAsString())
                .selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    }

    @Test
    void anAccountLinkIsLoggedWithoutTheSecretItCarries() throws Exception {
        long customerId = customer("Rita Reset", "en");
        String email = emailOf(customerId);
        String token = "secret-token-" + ORDER_SEQUENCE.incrementAndGet();
        events.publishEvent(new PasswordResetMailRequested(customerId, token));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(customerId).isEmpty());
        assertThat(read(mailsTo(customerId).get(0)).text()).as("the customer's link works").contains(token);

        Element line = logLinesTo(email).get(0);
        assertThat(line.text()).contains("Password reset link", "Delivered");
        Document mail = ownersPage(line.selectFirst("a[href^=/admin/mails/]").attr("href"));
        assertThat(mail.getElementById("mail-token-withheld")).isNotNull();
        assertThat(mail.getElementById("mail-text").text()).doesNotContain(token).contains("token=WITHHELD");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sent_mail WHERE body_text LIKE :t OR body_html LIKE :t")
                .param("t", "%" + token + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aCustomerIsRefusedTheMailLogAndEveryMailInIt() throws Exception {
        long customerId = customer("Curious Carl", "en");
        CustomerPrincipal customer = new CustomerPrincipal(customerId, emailOf(customerId), "x", "Curious Carl",
                List.of(new SimpleGrantedAuthority(Role.CUSTOMER.authority())));
        long anyMail = jdbc.sql("SELECT COALESCE(MAX(id), 1) FROM sent_mail").query(Long.class).single();
        for (String path : List.of("/admin/mails", "/admin/mails/" + anyMail, "/admin/mails/" + anyMail + "/body")) {
            assertThat(mvc.perform(get(path).with(user(customer))).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(403);
        }
    }
}

package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.micromall.shared.Money;
import com.micromall.support.Browser;
import com.micromall.support.MicromallTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole shop with a real SMTP conversation (GreenMail): the mail tests extend it, so they share one application
 * context and one mail server port. Customers are inserted with a locale of their own; mails are read back as HTML
 * and plain text.
 */
@MicromallTest
abstract class MailServerTests {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("micromall.base-url", () -> "https://shop.example/");
        registry.add("micromall.mail.retry.min-age", () -> "PT0S");
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPublicationRepository publications;

    record Mail(String subject, String from, String rawHtml, Document html, String text, List<String> inlineImages) {
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    long customer(String name, String locale) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO customer (email, password_hash, name, role, created_at, locale)
                        VALUES (:email, '{noop}x', :name, 'CUSTOMER', CURRENT_TIMESTAMP, :locale)""")
                .param("email", "mail-" + UUID.randomUUID() + "@example.com")
                .param("name", name)
                .param("locale", locale)
                .update(key, "id");
        return key.getKey().longValue();
    }

    String emailOf(long customerId) {
        return jdbc.sql("SELECT email FROM customer WHERE id = :id").param("id", customerId).query(String.class).single();
    }

    /** Publishes in a transaction of its own, as a module's service does: the outbox records it on commit. */
    void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** The outbox's publications of events that match, in the given state (typed events, no text search). */
    List<TargetEventPublication> publicationsOf(EventPublication.Status status, Predicate<Object> event) {
        return publications.findByStatus(status).stream().filter(p -> event.test(p.getEvent())).toList();
    }

    List<TargetEventPublication> incompletePublicationsOf(Predicate<Object> event) {
        return publications.findIncompletePublications().stream().filter(p -> event.test(p.getEvent())).toList();
    }

    /** The mails to the customer whose subject contains {@code subjectPart}. */
    List<MimeMessage> mailsTo(long customerId, String subjectPart) {
        return mailsTo(customerId).stream().filter(message -> {
            try {
                return message.getSubject().contains(subjectPart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<MimeMessage> mailsTo(long customerId) {
        String email = emailOf(customerId);
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(email));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Autowired
    MessageSource messages;

    /**
     * Waits for the one order mail to the customer and reads it. A customer the shop enrols while it writes their
     * first order mail (everyone may share) also gets the distributor's welcome; that one is not counted here.
     */
    Mail awaitMailTo(long customerId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !ordersMailsTo(customerId).isEmpty());
        List<MimeMessage> received = ordersMailsTo(customerId);
        assertThat(received).as(() -> "subjects " + received.stream().map(message -> {
            try {
                return message.getSubject();
            } catch (Exception e) {
                return e.toString();
            }
        }).toList()).hasSize(1);
        return read(received.get(0));
    }

    private List<MimeMessage> ordersMailsTo(long customerId) {
        Set<String> welcomes = Set.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE,
                Locale.forLanguageTag("fil")).stream()
                .map(locale -> messages.getMessage("mail.subject.distributorWelcome", null, locale))
                .collect(java.util.stream.Collectors.toSet());
        return mailsTo(customerId).stream().filter(message -> {
            try {
                String subject = message.getSubject();
                return welcomes.stream().noneMatch(subject::endsWith);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static Mail read(MimeMessage message) {
        try {
            StringBuilder html = new StringBuilder();
            StringBuilder text = new StringBuilder();
            List<String> images = new ArrayList<>();
            collect(message, html, text, images);
            assertThat(html).as("an HTML part").isNotEmpty();
            assertThat(text).as("a plain-text part").isNotEmpty();
            return new Mail(message.getSubject(), ((InternetAddress) message.getFrom()[0]).getAddress(),
                    html.toString(), Jsoup.parse(html.toString()), text.toString(), List.copyOf(images));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, StringBuilder html, StringBuilder text, List<String> images) throws Exception {
        if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("image/png")) {
            String[] ids = part.getHeader("Content-ID");
            images.add(ids == null ? "" : ids[0].replaceAll("[<>]", ""));
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, html, text, images);
            }
        }
    }

    /**
     * Checks each mail is self-contained HTML (styles inline, no scripts, pictures only from inside the mail, links
     * only to the shop) with a plain-text twin, writes it to {@code target/mail-previews} and takes a browser
     * screenshot at phone and desktop width (the inline pictures shown from data URLs, as a mail client shows them).
     */
    static void lookAt(Map<String, RenderedMail> previews) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "mail-previews"));
        try (Browser browser = new Browser()) {
            for (Map.Entry<String, RenderedMail> preview : previews.entrySet()) {
                RenderedMail mail = preview.getValue();
                Document html = Jsoup.parse(mail.html());
                assertThat(html.select("script, link, iframe, style")).as(preview.getKey()).isEmpty();
                List<String> inline = mail.images().stream().map(RenderedMail.InlineImage::src).toList();
                assertThat(html.select("img").eachAttr("src")).as(preview.getKey())
                        .allSatisfy(src -> assertThat(src).isIn(inline));
                assertThat(html.select("a[href]").eachAttr("href")).as(preview.getKey())
                        .allSatisfy(href -> assertThat(href).startsWith("https://shop.example/"));
                assertThat(mail.text()).as(preview.getKey()).doesNotContain("[(", "[#");

                String shown = mail.html();
                for (RenderedMail.InlineImage image : mail.images()) {
                    shown = shown.replace(image.src(),
                            "data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()));
                }
                Path file = folder.resolve(preview.getKey() + ".html");
                Files.writeString(file, shown);
                Files.writeString(folder.resolve(preview.getKey() + ".txt"), mail.text());
                browser.driver().get(file.toAbsolutePath().toUri().toString());
                browser.screenshot("mail-" + preview.getKey(), Browser.PHONE_WIDTH);
                browser.screenshot("mail-" + preview.getKey(), Browser.DESKTOP_WIDTH);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.micromall.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.PasswordResetMailRequested;
import com.micromall.customer.VerificationMailRequested;
import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.support.MicromallTest;
import com.micromall.support.Outbox;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The account's own mails through a real SMTP conversation with GreenMail: the password reset
 * link, the verification link, and the warning to the owner of an address someone tried to
 * register again. The pages never tell a visitor whether an address has an account.
 */
@MicromallTest
class AccountMailTests {

    private static final int SMTP_PORT = freePort();
    private static final String BASE = "https://shop.example";
    private static final Pattern RESET_LINK = Pattern.compile(Pattern.quote(BASE) + "/password/reset\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern VERIFY_LINK = Pattern.compile(Pattern.quote(BASE) + "/verify\\?token=([A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("micromall.base-url", () -> BASE + "/");
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired CustomerRegistration registration;
    @Autowired CustomerApi customers;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired Outbox outbox;

    @Test
    void aForgottenPasswordMailsALinkThatSetsTheNewPasswordExactlyOnce() throws Exception {
        CustomerPrincipal rita = CustomerMother.register(registration, "Rita Reset");

        Document answer = page(mvc.perform(post("/password/forgot").with(csrf())
                .param("email", rita.getEmail().toUpperCase(Locale.ROOT))).andExpect(status().isOk()).andReturn());
        assertThat(answer.getElementById("reset-link-sent").text())
                .isEqualTo("If an account exists for that address, we have sent a link to it. The link works for 30 minutes.");

        String token = tokenIn(awaitMail(rita.getEmail(), "Choose a new password"), RESET_LINK);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_token WHERE token_hash = :raw OR token_hash = :hashed")
                .param("raw", token).param("hashed", sha256(token)).query(Long.class).single())
                .as("only the hash is stored").isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_token WHERE token_hash = :raw").param("raw", token)
                .query(Long.class).single()).isZero();
        assertThat(outbox.all(PasswordResetMailRequested.class, e -> e.customerId() == rita.getCustomerId()))
                .as("nor in the event outbox").isEmpty();
        assertThat(outbox.all(Object.class, e -> Outbox.carries(e, token))).as("in no event at all").isEmpty();
        assertThat(outbox.all(Object.class, e -> Outbox.carries(e, rita.getEmail())))
                .as("while the search does see her registration").isNotEmpty();

        Document form = page(mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("#password-reset-form input[name=token]").val()).isEqualTo(token);

        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                        .param("password", "a-new-secret-42").param("passwordAgain", "a-new-secret-42"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(formLogin("/login").userParameter("email").user(rita.getEmail()).password("a-new-secret-42"))
                .andExpect(authenticated());

        Document second = page(mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                .param("password", "someone-elses-42").param("passwordAgain", "someone-elses-42")).andReturn());
        assertThat(second.getElementById("reset-link-unusable").select("a[href=/password/forgot]")).hasSize(1);
        assertThat(passwordEncoder.matches("a-new-secret-42", passwordHashOf(rita))).isTrue();
        assertThat(page(mvc.perform(get("/password/reset").param("token", token)).andReturn())
                .getElementById("reset-link-unusable")).isNotNull();
    }

    @Test
    void theTwoPasswordsMustMatchAndFollowTheRegistrationRules() throws Exception {
        CustomerPrincipal tom = CustomerMother.register(registration, "Tom Typo");
        mvc.perform(post("/password/forgot").with(csrf()).param("email", tom.getEmail()));
        String token = tokenIn(awaitMail(tom.getEmail(), "Choose a new password"), RESET_LINK);

        Document mismatch = page(mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                .param("password", "a-new-secret-42").param("passwordAgain", "a-new-secret-43"))
                .andExpect(status().isOk()).andReturn());
        assertThat(mismatch.select("#passwordAgain ~ .invalid-feedback").text()).contains("not the same");
        Document tooShort = page(mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                .param("password", "short").param("passwordAgain", "short")).andExpect(status().isOk()).andReturn());
        assertThat(tooShort.select("#password ~ .invalid-feedback").text()).contains("at least 8 characters");
        assertThat(tooShort.select("#password-reset-form input[name=token]").val()).isEqualTo(token);
        Document common = page(mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                .param("password", "password123").param("passwordAgain", "password123"))
                .andExpect(status().isOk()).andReturn());
        assertThat(common.select("#password ~ .invalid-feedback").text()).isNotBlank();
        assertThat(passwordEncoder.matches(CustomerMother.PASSWORD, passwordHashOf(tom))).as("unchanged").isTrue();
    }

    @Test
    void askingForResetLinksAgainAndAgainIsThrottledWithAMessageAndNoMoreMail() throws Exception {
        CustomerPrincipal pat = CustomerMother.register(registration, "Pat Persistent");
        for (int i = 1; i <= SignInThrottle.RESET_LINKS_PER_ACCOUNT; i++) {
            mvc.perform(post("/password/forgot").with(csrf()).with(request -> {
                request.setRemoteAddr("198.51.100.31");
                return request;
            }).param("email", pat.getEmail())).andExpect(status().isOk());
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                mailsTo(pat.getEmail(), "Choose a new password").size() == SignInThrottle.RESET_LINKS_PER_ACCOUNT);

        Document refused = page(mvc.perform(post("/password/forgot").with(csrf()).with(request -> {
            request.setRemoteAddr("198.51.100.32");
            return request;
        }).param("email", pat.getEmail())).andExpect(status().isOk()).andReturn());

        assertThat(refused.select("main").text()).contains("Too many attempts. Try again in");
        CustomerPrincipal other = CustomerMother.register(registration, "Olly Other");
        mvc.perform(post("/password/forgot").with(csrf()).param("email", other.getEmail()));
        awaitMail(other.getEmail(), "Choose a new password"); // a later request's mail is there, so a refused one would be
        assertThat(mailsTo(pat.getEmail(), "Choose a new password")).hasSize(SignInThrottle.RESET_LINKS_PER_ACCOUNT);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        CustomerPrincipal known = CustomerMother.register(registration, "Kim Known");
        String unknown = CustomerMother.uniqueEmail("nobody");

        String forUnknown = page(mvc.perform(post("/password/forgot").with(csrf()).param("email", unknown))
                .andExpect(status().isOk()).andReturn()).select("main").text();
        String forKnown = page(mvc.perform(post("/password/forgot").with(csrf()).param("email", known.getEmail()))
                .andExpect(status().isOk()).andReturn()).select("main").text();

        assertThat(forUnknown).isEqualTo(forKnown).contains("If an account exists for that address");
        awaitMail(known.getEmail(), "Choose a new password"); // the later request's mail is there, so the earlier one would be too
        assertThat(mailsTo(unknown)).isEmpty();
    }

    @Test
    void aNewerLinkEndsTheOlderOne() throws Exception {
        CustomerPrincipal nina = CustomerMother.register(registration, "Nina Twice");
        mvc.perform(post("/password/forgot").with(csrf()).param("email", nina.getEmail()));
        String first = tokenIn(awaitMail(nina.getEmail(), "Choose a new password"), RESET_LINK);
        mvc.perform(post("/password/forgot").with(csrf()).param("email", nina.getEmail()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(nina.getEmail(), "Choose a new password").size() == 2);
        String second = mailsTo(nina.getEmail(), "Choose a new password").stream().map(m -> tokenIn(m, RESET_LINK))
                .filter(t -> !t.equals(first)).findFirst().orElseThrow();

        assertThat(page(mvc.perform(get("/password/reset").param("token", first)).andReturn())
                .getElementById("reset-link-unusable")).isNotNull();
        mvc.perform(post("/password/reset").with(csrf()).param("token", second)
                        .param("password", "a-new-secret-42").param("passwordAgain", "a-new-secret-42"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aMadeUpLinkShowsAClearPageWithAWayToAskAgain() throws Exception {
        Document page = page(mvc.perform(get("/password/reset").param("token", "made-up")).andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("reset-link-unusable").text()).contains("This link no longer works");
        assertThat(page.select("#reset-link-unusable a[href=/password/forgot]")).hasSize(1);
        assertThat(page(mvc.perform(get("/login")).andReturn()).select("a#forgot-password").attr("href"))
                .isEqualTo("/password/forgot");
    }

    @Test
    void theVerificationLinkMailedOnRegistrationMarksTheAccountVerifiedOnce() throws Exception {
        String email = CustomerMother.uniqueEmail("vera");
        mvc.perform(post("/register").with(csrf()).param("name", "Vera Verify").param("email", email)
                .param("password", CustomerMother.PASSWORD)).andExpect(redirectedUrl("/register/check-inbox"));
        long id = idOf(email);
        assertThat(customers.isEmailVerified(id)).isFalse();
        CustomerPrincipal vera = principal(id, email, "Vera Verify");
        assertThat(page(mvc.perform(get("/account").with(user(vera))).andReturn())
                .select("#email-unverified form[action=/account/verification]")).hasSize(1);

        String token = tokenIn(awaitMail(email, "Confirm your e-mail address"), VERIFY_LINK);
        assertThat(outbox.all(VerificationMailRequested.class, e -> e.customerId() == id))
                .as("not in the event outbox").isEmpty();
        assertThat(outbox.all(Object.class, e -> Outbox.carries(e, token))).as("in no event at all").isEmpty();
        Document done = page(mvc.perform(get("/verify").param("token", token)).andExpect(status().isOk()).andReturn());

        assertThat(done.getElementById("email-verified")).isNotNull();
        assertThat(customers.isEmailVerified(id)).isTrue();
        assertThat(page(mvc.perform(get("/account").with(user(vera))).andReturn()).getElementById("email-unverified")).isNull();
        assertThat(page(mvc.perform(get("/verify").param("token", token)).andReturn())
                .getElementById("verify-link-unusable")).isNotNull();
    }

    @Test
    void askingForAnotherVerificationLinkMailsANewOneAndEndsTheOld() throws Exception {
        CustomerPrincipal otto = CustomerMother.register(registration, "Otto Again");
        String first = tokenIn(awaitMail(otto.getEmail(), "Confirm your e-mail address"), VERIFY_LINK);

        mvc.perform(post("/account/verification").with(user(otto)).with(csrf())).andExpect(redirectedUrl("/account"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(otto.getEmail(), "Confirm your e-mail address").size() == 2);
        String second = mailsTo(otto.getEmail(), "Confirm your e-mail address").stream().map(m -> tokenIn(m, VERIFY_LINK))
                .filter(t -> !t.equals(first)).findFirst().orElseThrow();

        assertThat(page(mvc.perform(get("/verify").param("token", first)).andReturn()).getElementById("verify-link-unusable"))
                .isNotNull();
        assertThat(customers.isEmailVerified(otto.getCustomerId())).isFalse();
        assertThat(page(mvc.perform(get("/verify").param("token", second)).andReturn()).getElementById("email-verified"))
                .isNotNull();
        assertThat(customers.isEmailVerified(otto.getCustomerId())).isTrue();
    }

    @Test
    void registeringWithATakenAddressLooksLikeASuccessMailsTheOwnerAndOpensNoSecondAccount() throws Exception {
        String email = CustomerMother.uniqueEmail("taken");
        MvcResult first = mvc.perform(post("/register").with(csrf()).param("name", "First Owner").param("email", email)
                .param("password", CustomerMother.PASSWORD)).andReturn();
        MvcResult second = mvc.perform(post("/register").with(csrf()).param("name", "Second Try").param("email", email)
                .param("password", "another-password-1")).andReturn();

        assertThat(second.getResponse().getStatus()).isEqualTo(first.getResponse().getStatus()).isEqualTo(302);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl())
                .isEqualTo("/register/check-inbox");
        assertThat(checkInbox(second)).isEqualTo(checkInbox(first)).contains("We have sent a mail to " + email);
        for (MvcResult registered : List.of(first, second)) {
            mvc.perform(get("/account").cookie(registered.getResponse().getCookies()))
                    .andExpect(redirectedUrl("/login")); // neither is logged in: that would tell them apart
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE email = :e").param("e", email).query(Long.class).single())
                .isOne();
        MimeMessage warning = awaitMail(email, "Someone tried to register with your address");
        String text = textOf(warning);
        assertThat(text).contains("Hello First Owner,", "already has an account", BASE + "/login",
                BASE + "/password/forgot");
        assertThat(passwordEncoder.matches(CustomerMother.PASSWORD, passwordHashOf(idOf(email)))).isTrue();
    }

    // ---- helpers ----

    private String checkInbox(MvcResult registered) throws Exception {
        return page(mvc.perform(get("/register/check-inbox").cookie(registered.getResponse().getCookies())).andReturn())
                .getElementById("check-inbox").text();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long idOf(String email) {
        return jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email.toLowerCase(Locale.ROOT))
                .query(Long.class).single();
    }

    private CustomerPrincipal principal(long id, String email, String name) {
        return new CustomerPrincipal(id, email, passwordHashOf(id), name,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CUSTOMER")));
    }

    private String passwordHashOf(CustomerPrincipal customer) {
        return passwordHashOf(customer.getCustomerId());
    }

    private String passwordHashOf(long id) {
        return jdbc.sql("SELECT password_hash FROM customer WHERE id = :id").param("id", id).query(String.class).single();
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(email));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> mailsTo(String email, String subjectPart) {
        return mailsTo(email).stream().filter(message -> {
            try {
                return message.getSubject().contains(subjectPart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage awaitMail(String email, String subjectPart) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(email, subjectPart).isEmpty());
        return mailsTo(email, subjectPart).get(0);
    }

    private static String tokenIn(MimeMessage mail, Pattern link) {
        String text = textOf(mail);
        Matcher matcher = link.matcher(text);
        assertThat(matcher.find()).as("a link in " + text).isTrue();
        return matcher.group(1);
    }

    private static String textOf(MimeMessage mail) {
        try {
            StringBuilder text = new StringBuilder();
            collectText(mail, text);
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectText(Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), text);
            }
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

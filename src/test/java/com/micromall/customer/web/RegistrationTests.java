package com.micromall.customer.web;

import com.micromall.shared.web.DeviceFingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.CustomerRegistered;
import com.micromall.customer.RegistrationWithTakenEmailAttempted;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@MicromallTest
@RecordApplicationEvents
class RegistrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    CustomerApi customers;

    @Autowired
    DeviceFingerprint fingerprint;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Test
    void eachInvalidFieldGetsItsOwnMessageTheInputIsKeptAndThePasswordIsNeverEchoed() throws Exception {
        String html = mvc.perform(post("/register").with(csrf())
                        .param("name", " ")
                        .param("email", "not-an-email")
                        .param("password", "Pw7xq")
                        .param("phone", "call me")
                        .param("wechatId", "w".repeat(61))
                        .param("referralCode", "FRIEND42"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("#name-error, #name ~ .invalid-feedback").text()).contains("Please enter your name.");
        assertThat(page.select("#email ~ .invalid-feedback").text()).contains("Please enter a valid e-mail address")
                .doesNotContain("Log in instead");
        assertThat(page.select("#password ~ .invalid-feedback").text()).contains("at least 8 characters");
        assertThat(page.select("#phone ~ .invalid-feedback").text()).contains("phone number");
        assertThat(page.select("#wechatId ~ .invalid-feedback").text()).contains("at most 60 characters");
        assertThat(page.select("#email").val()).isEqualTo("not-an-email");
        assertThat(page.select("#phone").val()).isEqualTo("call me");
        assertThat(page.select("#referralCode").val()).isEqualTo("FRIEND42");
        assertThat(page.select("#password").val()).isEmpty();
        assertThat(html).doesNotContain("Pw7xq");
    }

    @Test
    void anEmailAlreadyRegisteredInAnotherCaseLandsOnTheSamePageAndOpensNoSecondAccount() throws Exception {
        String email = CustomerMother.uniqueEmail("twice");
        mvc.perform(register("First", email)).andExpect(redirectedUrl("/register/check-inbox"));

        mvc.perform(register("Second", email.toUpperCase(Locale.ROOT)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/register/check-inbox"));

        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE email = :email").param("email", email)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(events.stream(RegistrationWithTakenEmailAttempted.class)).singleElement()
                .satisfies(attempt -> assertThat(attempt.customerId()).isEqualTo(jdbc.sql(
                        "SELECT id FROM customer WHERE email = :email").param("email", email).query(Long.class).single()));
    }

    @Test
    void aNewCustomerIsNotLoggedInButAskedToCheckTheirInboxAndCanLogInAtOnce() throws Exception {
        Cookie visitorSession = mvc.perform(get("/register")).andReturn().getResponse().getCookie("SESSION");
        assertThat(visitorSession).as("the form's CSRF token lives in a session").isNotNull();
        String email = CustomerMother.uniqueEmail("auto");

        MvcResult result = mvc.perform(register("Auto Login", email).cookie(visitorSession))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/register/check-inbox"))
                .andReturn();

        Cookie session = result.getResponse().getCookie("SESSION") != null
                ? result.getResponse().getCookie("SESSION") : visitorSession;
        Document inbox = Jsoup.parse(mvc.perform(get("/register/check-inbox").cookie(session))
                .andReturn().getResponse().getContentAsString());
        assertThat(inbox.getElementById("check-inbox").text()).contains("We have sent a mail to " + email)
                .contains("You can log in and shop right away");
        assertThat(inbox.select("#check-inbox-login").attr("href")).isEqualTo("/login");
        mvc.perform(get("/account").cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(CustomerMother.PASSWORD))
                .andExpect(authenticated().withUsername(email));
    }

    @Test
    void aLocalContinuePathIsOfferedAfterRegistering() throws Exception {
        MvcResult result = mvc.perform(register("Cart Shopper", CustomerMother.uniqueEmail("cart")).param("continue", "/cart"))
                .andExpect(redirectedUrl("/register/check-inbox?continue=%2Fcart")).andReturn();
        Document inbox = Jsoup.parse(mvc.perform(get("/register/check-inbox").param("continue", "/cart")
                .cookie(result.getResponse().getCookies())).andReturn().getResponse().getContentAsString());
        assertThat(inbox.select("#check-inbox a[href=/cart]")).hasSize(1);
    }

    @Test
    void anUnsafeContinuePathIsDropped() throws Exception {
        for (String unsafe : List.of("//evil.example", "https://evil.example", "/\\evil.example", "http:/evil",
                "evil.example", "/{x}", "/ok\r\nLocation: //evil")) {
            mvc.perform(register("Careful", CustomerMother.uniqueEmail("careful")).param("continue", unsafe))
                    .andExpect(redirectedUrl("/register/check-inbox"));
            String inbox = mvc.perform(get("/register/check-inbox").param("continue", unsafe))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(inbox).select("#check-inbox a").eachAttr("href")).containsExactly("/login", "/");
        }
    }

    @Test
    void registeringPublishesCustomerRegisteredWithTheTypedCodeAndADeviceHashWithoutTheIp() throws Exception {
        String email = CustomerMother.uniqueEmail("event");
        String code = sharerCode("Event Sharer");
        mvc.perform(register("Event Person", email).param("referralCode", " " + code.toLowerCase() + " ")
                        .header("User-Agent", "TestBrowser/1.0")
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        }))
                .andExpect(status().is3xxRedirection());

        CustomerRegistered event = events.stream(CustomerRegistered.class)
                .filter(registered -> registered.email().equals(email))
                .findFirst().orElseThrow();
        assertThat(event.name()).isEqualTo("Event Person");
        assertThat(event.referralCode()).isEqualTo(code.toLowerCase());
        assertThat(event.deviceHash()).isEqualTo(fingerprint.hash("203.0.113.7", "TestBrowser/1.0"))
                .hasSize(64).doesNotContain("203.0.113.7").doesNotContain("203");
        assertThat(event.deviceHash()).isNotEqualTo(fingerprint.hash("198.51.100.1", "TestBrowser/1.0"));
        assertThat(customers.find(event.customerId())).map(CustomerProfile::email).contains(email);
    }

    @Test
    void theCustomerKeepsTheLanguageTheyRegisteredIn() throws Exception {
        String email = CustomerMother.uniqueEmail("lang");
        mvc.perform(register("语言 测试", email).cookie(new Cookie("micromall_lang", "zh-CN")))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM customer WHERE email = :email").param("email", email)
                .query(Long.class).single();
        assertThat(customers.find(id).orElseThrow().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aFriendsInvitationCodeFromTheLinkIsPrefilled() throws Exception {
        String html = mvc.perform(get("/register").param("code", "ANNA2345").param("continue", "/checkout"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#referralCode").val()).isEqualTo("ANNA2345");
        assertThat(page.select("input[name=continue]").val()).isEqualTo("/checkout");
        assertThat(page.select("label[for=referralCode]").text()).contains("invitation code");
        assertThat(page.select("#password-help").text()).contains("At least 8 characters");
    }

    @Test
    void registeringWithoutACsrfTokenIsRefused() throws Exception {
        String email = CustomerMother.uniqueEmail("nocsrf");
        mvc.perform(post("/register").param("name", "No Token").param("email", email)
                        .param("password", CustomerMother.PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE email = :email").param("email", email)
                .query(Integer.class).single()).isZero();
    }

    private static MockHttpServletRequestBuilder register(String name, String email) {
        return post("/register").with(csrf())
                .param("name", name)
                .param("email", email)
                .param("password", CustomerMother.PASSWORD);
    }

    @Test
    void aTypedInvitationCodeNoSharerHasIsShownAgainWithAMessageAndNoAccountIsMade() throws Exception {
        String email = CustomerMother.uniqueEmail("typo");

        Document page = Jsoup.parse(mvc.perform(register("Bad Code", email).param("referralCode", "NOSUCH99"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#referralCode").val()).isEqualTo("NOSUCH99");
        assertThat(page.select("#referralCode").hasClass("is-invalid")).isTrue();
        assertThat(page.select(".invalid-feedback").text()).contains("No sharer has this code");
        assertThat(page.select("#name").val()).isEqualTo("Bad Code");
        assertThat(accounts(email)).isZero();

        String code = sharerCode("Real Sharer");
        mvc.perform(register("Good Code", email).param("referralCode", code)).andExpect(status().is3xxRedirection());
        assertThat(accounts(email)).isOne();
    }

    private long accounts(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE lower(email) = lower(:e)").param("e", email).query(Long.class).single();
    }

    /** A sharer's code, made directly in the tables (registration is what is under test here). */
    private String sharerCode(String name) {
        long id = new com.micromall.order.OrderFixtures(jdbc, encoder).customer(name).id();
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        java.util.Random random = new java.util.Random();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:id, :code, 'ACTIVE', now())")
                .param("id", id).param("code", code.toString()).update();
        return code.toString();
    }
}

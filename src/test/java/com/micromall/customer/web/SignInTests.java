package com.micromall.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Logins on the real security chain and Spring Session JDBC: guessing is throttled, sessions end when they should. */
@MicromallTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRegistration registration;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thirtyWrongPasswordsLockTheAccountAndThenEvenTheRightOneIsRefusedWithTheWait() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Guessed Person");
        String address = anAddress();
        for (int i = 0; i < 30; i++) {
            mvc.perform(login(me.getEmail(), "guess-" + i, address)).andExpect(unauthenticated());
        }

        MockHttpServletResponse refused = mvc.perform(login(me.getEmail(), CustomerMother.PASSWORD, address))
                .andExpect(unauthenticated()).andReturn().getResponse();
        assertThat(refused.getRedirectedUrl()).startsWith("/login?locked=");
        String page = mvc.perform(get(refused.getRedirectedUrl())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#login-locked").text()).matches("Too many attempts\\. Try again in (1 minute|([2-9]|\\d{2,}) minutes)\\.");
        String chinese = mvc.perform(get(refused.getRedirectedUrl()).cookie(new Cookie("micromall_lang", "zh-CN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(chinese).select("#login-locked").text()).contains("尝试次数过多");

        mvc.perform(get("/login").param("locked", "not-a-number")).andExpect(status().isOk());

        // The lock follows the account, not the address it was guessed from.
        mvc.perform(login(me.getEmail(), CustomerMother.PASSWORD, anAddress())).andExpect(unauthenticated());
    }

    @Test
    void guessesFromManyAddressesOnOneAccountAreThrottledTogether() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Spread Person");
        for (int i = 0; i < SignInThrottle.FAILURES_PER_ACCOUNT; i++) {
            mvc.perform(login(me.getEmail(), "guess-" + i, anAddress())).andExpect(unauthenticated());
        }
        mvc.perform(login(me.getEmail(), CustomerMother.PASSWORD, anAddress()))
                .andExpect(unauthenticated())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login?locked="));
    }

    @Test
    void guessesAtManyAccountsFromOneAddressAreThrottled() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Bystander Person");
        String address = anAddress();
        for (int i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
            mvc.perform(login(CustomerMother.uniqueEmail("sprayed" + i), "password-" + i, address))
                    .andExpect(unauthenticated());
        }
        mvc.perform(login(me.getEmail(), CustomerMother.PASSWORD, address))
                .andExpect(unauthenticated())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login?locked="));
        mvc.perform(login(me.getEmail(), CustomerMother.PASSWORD, anAddress())).andExpect(authenticated());
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsEarlierFailures() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Forgetful Person");
        String address = anAddress();
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i < SignInThrottle.FAILURES_PER_ACCOUNT; i++) {
                mvc.perform(login(me.getEmail(), "typo-" + i, address)).andExpect(unauthenticated());
            }
            mvc.perform(login(me.getEmail(), CustomerMother.PASSWORD, address)).andExpect(authenticated());
        }
    }

    @Test
    void aBurstOfSignUpsFromOneAddressIsRefusedWithTheWait() throws Exception {
        String address = anAddress();
        for (int i = 0; i < SignInThrottle.SIGN_UPS_PER_ADDRESS; i++) {
            mvc.perform(post("/register").with(csrf()).with(from(address)).param("name", "Bot " + i)
                    .param("email", "not-an-email-" + i).param("password", "x")).andExpect(status().isOk());
        }
        String email = CustomerMother.uniqueEmail("burst");
        String page = mvc.perform(post("/register").with(csrf()).with(from(address)).param("name", "Burst Person")
                        .param("email", email).param("password", CustomerMother.PASSWORD))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(page).select("#registration-form .alert-danger").text())
                .matches("Too many attempts\\. Try again in (1 minute|([2-9]|\\d{2,}) minutes)\\.");
        assertThat(Jsoup.parse(page).select("#email").val()).isEqualTo(email);
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE email = :email").param("email", email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void changingThePasswordSignsOutTheAccountsOtherSessions() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Two Browsers");
        Cookie phone = signIn(me.getEmail(), CustomerMother.PASSWORD, false);
        Cookie laptop = signIn(me.getEmail(), CustomerMother.PASSWORD, false);
        mvc.perform(get("/account").cookie(phone)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(laptop)).andExpect(status().isOk());

        mvc.perform(post("/account/password").with(csrf()).cookie(laptop)
                        .param("currentPassword", CustomerMother.PASSWORD).param("newPassword", "a much newer secret"))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/account").cookie(phone)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/account").cookie(laptop)).andExpect(status().isOk());
    }

    @Test
    void theOwnersSessionEndsAfterHalfAnHourIdleEvenWithKeepMeSignedIn() throws Exception {
        Cookie owner = signIn("owner@demo.micromall", "micromall-demo", true);
        assertThat(session(owner).getMaxInactiveInterval()).isEqualTo(SignInSecurity.OWNER_IDLE);
    }

    @Test
    void keepMeSignedInKeepsACustomerFor30DaysAndWithoutItTwoHours() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Remembered Person");
        Cookie remembered = signIn(me.getEmail(), CustomerMother.PASSWORD, true);
        Cookie plain = signIn(me.getEmail(), CustomerMother.PASSWORD, false);

        assertThat(session(remembered).getMaxInactiveInterval()).isEqualTo(Duration.ofDays(30));
        assertThat(session(plain).getMaxInactiveInterval()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Fixated Person");
        Cookie before = mvc.perform(get("/register")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).as("the sign-up page starts a session").isNotNull();
        MockHttpServletResponse response = mvc.perform(login(me.getEmail(), CustomerMother.PASSWORD, anAddress())
                .cookie(before)).andExpect(authenticated()).andReturn().getResponse();

        Cookie after = response.getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        mvc.perform(get("/account").cookie(before)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/account").cookie(after)).andExpect(status().isOk());
    }

    private Cookie signIn(String email, String password, boolean rememberMe) throws Exception {
        MockHttpServletRequestBuilder login = login(email, password, anAddress());
        if (rememberMe) {
            login.param("remember-me", "true");
        }
        Cookie cookie = mvc.perform(login).andExpect(authenticated()).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private Session session(Cookie cookie) {
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        Session session = sessions.findById(id);
        assertThat(session).isNotNull();
        return session;
    }

    private static MockHttpServletRequestBuilder login(String email, String password, String address) {
        return post("/login").with(csrf()).with(from(address)).param("email", email).param("password", password);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A client address of its own per test, so the counts of one test never meet another's. */
    static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}

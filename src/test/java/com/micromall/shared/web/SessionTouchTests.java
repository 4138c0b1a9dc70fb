package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reading pages writes nothing to a signed-in customer's session row: it is written when something in it changes,
 * or when its last access time is a step old (so the session still lasts).
 */
@MicromallTest
class SessionTouchTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired QueryCounter queries;

    OrderFixtures orders;
    long product;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        product = orders.product(OrderFixtures.unique("Session Tea "), "4.00", 10);
    }

    @Test
    void aSignedInCustomersPageViewsWriteNothingToTheirSession() throws Exception {
        Cookie session = logIn(orders.customer("Quinn Reader"));
        mvc.perform(get("/products/" + product).cookie(session)).andExpect(status().isOk());
        long lastAccess = lastAccess(session);

        List<String> statements = queries.record(() -> {
            mvc.perform(get("/products/" + product).cookie(session)).andExpect(status().isOk());
            mvc.perform(get("/products").cookie(session)).andExpect(status().isOk());
        });

        assertThat(statements).filteredOn(sql -> sql.toLowerCase(Locale.ROOT).contains("spring_session"))
                .as("session statements of two page views: reads only").isNotEmpty()
                .allMatch(sql -> sql.strip().toLowerCase(Locale.ROOT).startsWith("select"));
        assertThat(lastAccess(session)).as("the row's last access time").isEqualTo(lastAccess);
    }

    @Test
    void aSessionUnusedForAStepIsTouchedByItsNextRequestAndStaysSignedIn() throws Exception {
        Cookie session = logIn(orders.customer("Rosa Returning"));
        long twoMinutes = 2 * 60 * 1000;
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - :back, expiry_time = expiry_time - :back"
                + " WHERE session_id = :id").param("back", twoMinutes).param("id", sessionId(session)).update();
        long movedBack = lastAccess(session);

        String page = mvc.perform(get("/products/" + product).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(lastAccess(session)).as("touched").isGreaterThanOrEqualTo(movedBack + twoMinutes);
        assertThat(Jsoup.parse(page).select("form[action$=/logout]")).as("still signed in").hasSize(1);
    }

    private Cookie logIn(TestCustomer customer) throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf()).param("email", customer.email())
                        .param("password", customer.password()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).as("a session for " + customer.name()).isNotNull();
        return session;
    }

    private long lastAccess(Cookie session) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", sessionId(session)).query(Long.class).single();
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(Cookie session) {
        return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
    }
}

package com.micromall.distribution.referral;

import com.micromall.distribution.reporting.DistributorDashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.ReferralAttribution;
import com.micromall.order.OrderFixtures;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@MicromallTest
class ReferralLinkTests {

    private static final String RAW_IP = "203.0.113.77";

    @Autowired MockMvc mvc;
    @Autowired DistributorEnrolment enrolment;
    @Autowired DistributorRepository distributors;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ReferralClicks referralClicks;
    @Autowired DistributorDashboard dashboard;
    @Autowired QueryCounter queries;
    @Autowired com.micromall.shared.web.DeviceFingerprint fingerprint;
    @Autowired com.micromall.settings.ShopSettingsService shopSettings;
    @Autowired com.micromall.settings.DistributionSettingsService distributionSettings;
    @Autowired BindingModes modes;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    private String activeCode(String name) {
        return enrolment.enrolActive(fixtures.customer(name).id()).code();
    }

    private long clicks(String code) {
        return jdbc.sql("SELECT count(*) FROM referral_click WHERE code = :c").param("c", code).query(Long.class).single();
    }

    private MockHttpServletResponse follow(String url) throws Exception {
        return follow(url, "Tester/2.0");
    }

    private MockHttpServletResponse follow(String url, String userAgent) throws Exception {
        return mvc.perform(get(url).header("User-Agent", userAgent).with(request -> {
            request.setRemoteAddr(RAW_IP);
            return request;
        })).andExpect(status().is3xxRedirection()).andReturn().getResponse();
    }

    @Test
    void aShareLinkSetsAnHttpOnlyLaxCookieForTheAttributionWindowAndGoesToTheProduct() throws Exception {
        String code = activeCode("Cookie Carl");
        MockHttpServletResponse response = follow("/r/" + code + "?next=/products/42");

        assertThat(response.getRedirectedUrl()).isEqualTo("/products/42");
        String setCookie = response.getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith(ReferralAttribution.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains(ReferralAttribution.COOKIE + "=" + code).contains("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/").contains("Max-Age=" + 30 * 24 * 3600);
    }

    @Test
    void aClickIsRecordedWithASaltedVisitorHashAndTheRawIpIsStoredNowhere() throws Exception {
        String code = activeCode("Click Clara");
        follow("/r/" + code + "?next=/products/7");

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM referral_click WHERE code = :c").param("c", code)
                .query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> click = rows.get(0);
        assertThat(click.get("landing_path")).isEqualTo("/products/7");
        assertThat((String) click.get("visitor_hash")).matches("[0-9a-f]{64}").doesNotContain(RAW_IP);
        assertThat(click.get("clicked_at")).isNotNull();
        List<Map<String, Object>> all = jdbc.sql("SELECT * FROM referral_click").query().listOfRows();
        assertThat(all).allSatisfy(row -> assertThat(row.values())
                .noneMatch(value -> value != null && value.toString().contains(RAW_IP)));
    }

    @Test
    void nextMayOnlyBeALocalPathEverythingElseLandsOnTheShop() throws Exception {
        String code = activeCode("Redirect Rita");
        for (String evil : List.of("//evil.com", "https://evil.com/x", "/\\evil.com", "http:/evil", "evil.com",
                "/ok\r\nLocation: https://evil.com", "javascript:alert(1)")) {
            assertThat(follow("/r/" + code + "?next=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))
                    .getRedirectedUrl()).as(evil).isEqualTo("/");
        }
        assertThat(follow("/r/" + code + "?next=//evil.com").getRedirectedUrl()).isEqualTo("/");
        assertThat(follow("/r/" + code).getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void unknownPendingAndSuspendedCodesSetNoCookieRecordNoClickAndStillReachTheShop() throws Exception {
        long suspended = fixtures.customer("Suspended Sid").id();
        String suspendedCode = enrolment.enrolActive(suspended).code();
        enrolment.suspend(suspended, "owner@demo.micromall");
        String pendingCode = "PEND" + ReferralCodes.next().substring(4);
        distributors.save(Distributor.pending(fixtures.customer("Pending Pia").id(), pendingCode, java.time.Instant.now()));

        for (String code : List.of("ZZZZZZZZ", "nonsense", suspendedCode, pendingCode)) {
            mvc.perform(get("/r/" + code + "?next=/products/3"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/products/3"))
                    .andExpect(result -> assertThat(result.getResponse().getCookie(ReferralAttribution.COOKIE)).isNull());
            assertThat(clicks(code)).isZero();
        }
    }

    @Test
    void followingAShareLinkIsOneTransactionOfThreeStatements() {
        String code = activeCode("Quick Quinn");

        // The click, the attribution window and the counter: one transaction (the layout's shop settings are not
        // read for a page never rendered).
        assertThat(queries.commits(() -> follow("/r/" + code))).as("transactions of one click").isEqualTo(1);
        for (int shard = 0; shard < ReferralClicks.SHARDS; shard++) { // counter rows exist after the first clicks
            jdbc.sql("INSERT INTO referral_click_count (code, shard, clicks) VALUES (:c, :s, 0) ON CONFLICT DO NOTHING")
                    .param("c", code).param("s", shard).update();
        }
        // The click (written only for an ACTIVE code, so no distributor load of its own), the attribution window and
        // the counter.
        assertThat(queries.count(() -> follow("/r/" + code, "Second visitor/1.0"))).as("statements of a click")
                .isEqualTo(3);
        assertThat(clicks(code)).isEqualTo(2);
    }

    @Test
    void concurrentClicksOnOneCodeAreCountedExactlyAndTheDashboardReadsTheCount() throws Exception {
        long sharer = fixtures.customer("Busy Bea").id();
        String code = enrolment.enrolActive(sharer).code();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        var visitor = new org.springframework.mock.web.MockHttpServletRequest();
                        visitor.addHeader("User-Agent", "Visitor " + Thread.currentThread().getId() + "/" + i);
                        assertThat(referralClicks.follow(code, "/", visitor)).isPresent();
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(clicks(code)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT SUM(clicks) FROM referral_click_count WHERE code = :c").param("c", code)
                .query(Long.class).single()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_click_count WHERE code = :c").param("c", code)
                .query(Long.class).single()).isBetween(2L, (long) ReferralClicks.SHARDS);
        assertThat(dashboard.figures(sharer, code).clicks()).isEqualTo(200);
    }

    @Test
    void reloadingALinkCountsAVisitorOncePerCodeAndDay() throws Exception {
        long sharer = fixtures.customer("Reloaded Rita").id();
        String code = enrolment.enrolActive(sharer).code();

        for (int i = 0; i < 20; i++) {
            assertThat(follow("/r/" + code).getCookie(ReferralAttribution.COOKIE)).as("the cookie still comes").isNotNull();
        }
        follow("/r/" + code, "Another phone/1.0");

        assertThat(clicks(code)).isEqualTo(2);
        assertThat(dashboard.figures(sharer, code).clicks()).isEqualTo(2);

        // The next day the same visitor counts again.
        ReferralClicks tomorrow = new ReferralClicks(jdbc, new com.micromall.settings.ShopTime(shopSettings, java.time.Clock.offset(
                java.time.Clock.systemUTC(), java.time.Duration.ofDays(1))), fingerprint, distributionSettings, modes);
        var sameVisitor = new org.springframework.mock.web.MockHttpServletRequest();
        sameVisitor.setRemoteAddr(RAW_IP);
        sameVisitor.addHeader("User-Agent", "Tester/2.0");
        assertThat(tomorrow.follow(code, "/", sameVisitor)).isPresent();
        assertThat(tomorrow.follow(code, "/", sameVisitor)).isPresent();
        assertThat(clicks(code)).isEqualTo(3);
    }

    @Test
    void aBurstOnOneLinkFromOneAddressIsNotRecordedButStillReachesTheShop() throws Exception {
        String code = activeCode("Burst Bo");

        long started = System.nanoTime();
        for (int i = 0; i < 45; i++) {
            assertThat(follow("/r/" + code + "?next=/products", "Script " + i).getRedirectedUrl()).isEqualTo("/products");
        }
        long seconds = java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds();

        // 30 a minute, refilled one every two seconds: a slow (busy) machine earns back one per two seconds taken.
        assertThat(clicks(code)).isBetween(30L, 30L + (seconds + 1) / 2);
    }

    @Test
    void theFirstValidLinkWinsBeforeSignUp() throws Exception {
        String anna = activeCode("First Anna");
        String ben = activeCode("Later Ben");
        jakarta.servlet.http.Cookie annas = follow("/r/" + anna).getCookie(ReferralAttribution.COOKIE);
        assertThat(annas.getValue()).isEqualTo(anna);

        MockHttpServletResponse later = mvc.perform(get("/r/" + ben).cookie(annas).header("User-Agent", "Tester/2.0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();

        assertThat(later.getCookie(ReferralAttribution.COOKIE)).as("Ben's link does not take over").isNull();
        assertThat(clicks(ben)).as("but Ben's click still counts").isEqualTo(1);
        String prefilled = org.jsoup.Jsoup.parse(mvc.perform(get("/register").cookie(annas))
                .andReturn().getResponse().getContentAsString()).select("#referralCode").val();
        assertThat(prefilled).isEqualTo(anna);

        // A cookie whose sharer is no longer active (or unknown) is replaced by the next valid link.
        jakarta.servlet.http.Cookie stale = new jakarta.servlet.http.Cookie(ReferralAttribution.COOKIE, "ZZZZZZZZ");
        assertThat(mvc.perform(get("/r/" + ben).cookie(stale).header("User-Agent", "Other/1.0")).andReturn()
                .getResponse().getCookie(ReferralAttribution.COOKIE).getValue()).isEqualTo(ben);
    }
}

package com.micromall.care.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.care.satisfaction.SatisfactionSurveys.LinkAnswer;
import com.micromall.distribution.ShareInvitations;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The buyer's answer on PostgreSQL: one per order, the mail's link once, share asks only for happy answers. */
@MicromallTest
class SatisfactionAnswerTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired SatisfactionSurveys surveys;
    @Autowired ShareInvitations invitations;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;

    OrderFixtures orders;
    SatisfactionFixtures fixtures;
    TestCustomer buyer;
    long product;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        fixtures = new SatisfactionFixtures(surveys, jdbc);
        buyer = orders.customer("Nora Buyer");
        product = orders.product("Survey soap", "10.00", 10);
    }

    private String completedOrder() {
        return fixtures.completedOrder(buyer.id(), Instant.now(), product, "Survey soap");
    }

    private MockHttpServletRequestBuilder answer(String number, int score, String comment) {
        return post("/orders/" + number + "/satisfaction").param("score", "" + score).param("comment", comment)
                .locale(Locale.ENGLISH).with(user(buyer.principal())).with(csrf());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theSameFormPostedTwiceKeepsOneAnswerAndTheLatestScoreCounts() throws Exception {
        String number = completedOrder();

        mvc.perform(answer(number, 3, "Late")).andExpect(status().isOk());
        mvc.perform(answer(number, 3, "Late")).andExpect(status().isOk());
        assertThat(fixtures.answers(number)).isEqualTo(1);
        assertThat(fixtures.followUps(number)).as("one follow-up task however often it is sent").isEqualTo(1);

        mvc.perform(answer(number, 9, "Sorted out, thanks")).andExpect(status().isOk());
        assertThat(fixtures.answers(number)).isEqualTo(1);
        assertThat(fixtures.score(number)).isEqualTo(9);
        Instant[] times = jdbc.sql("""
                        SELECT a.answered_at, a.changed_at FROM satisfaction_answer a
                        JOIN satisfaction_survey s ON s.id = a.survey_id WHERE s.order_number = :n""")
                .param("n", number)
                .query((rs, i) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()})
                .single();
        assertThat(times[1]).as("changed_at moves, answered_at stays").isAfterOrEqualTo(times[0]);
    }

    @Test
    void twoTabsAnsweringAtTheSameMomentLeaveOneAnswer() throws Exception {
        String number = completedOrder();
        SatisfactionSurveys.Survey survey = surveys.ofCustomer(buyer.id(), number).orElseThrow();
        int tabs = 8;
        CyclicBarrier together = new CyclicBarrier(tabs);
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                int score = i % 2 == 0 ? 2 : 10;
                done.add(pool.submit((Callable<Void>) () -> {
                    together.await(10, TimeUnit.SECONDS);
                    surveys.answerAsBuyer(survey, score, "tab");
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.answers(number)).isEqualTo(1);
        assertThat(fixtures.followUps(number)).isEqualTo(1);
    }

    @Test
    void theMailLinkAnswersOnceAndThenSaysAlreadyAnsweredWithoutTellingWhichOrder() throws Exception {
        String number = completedOrder();
        String token = fixtures.linkFor(number);

        Document form = page(get("/satisfaction/" + token).param("score", "10").locale(Locale.ENGLISH));
        assertThat(form.select("#score-10").hasAttr("checked")).as("the number tapped in the mail is chosen").isTrue();
        assertThat(form.select("#score-9").hasAttr("checked")).isFalse();
        assertThat(form.select("#survey-form")).hasSize(1);

        Document thanks = page(post("/satisfaction/" + token).param("score", "10").param("comment", "Lovely")
                .locale(Locale.ENGLISH).with(csrf()));
        assertThat(thanks.select("#answer-promoter")).hasSize(1);

        Document again = page(post("/satisfaction/" + token).param("score", "1").param("comment", "changed my mind")
                .locale(Locale.ENGLISH).with(csrf()));
        assertThat(again.select("#link-used")).hasSize(1);
        assertThat(again.text()).contains("already answered").doesNotContain(number, buyer.name());
        assertThat(fixtures.score(number)).as("the used link changed nothing").isEqualTo(10);
        assertThat(fixtures.answers(number)).isEqualTo(1);

        Document opened = page(get("/satisfaction/" + token).locale(Locale.ENGLISH));
        assertThat(opened.select("#link-used")).hasSize(1);
        assertThat(opened.select("form#survey-form")).isEmpty();
    }

    @Test
    void aWrongOrMadeUpLinkShowsAFriendlyPageAndAnswersNothing() throws Exception {
        String number = completedOrder();
        String real = fixtures.linkFor(number);
        String oneCharacterOff = (real.charAt(0) == 'A' ? "B" : "A") + real.substring(1);

        for (String wrong : List.of(SurveyTokens.newToken(), oneCharacterOff, "short", "not-a-token-at-all")) {
            var result = mvc.perform(get("/satisfaction/" + wrong).locale(Locale.ENGLISH)).andReturn().getResponse();
            assertThat(result.getStatus()).as(wrong).isEqualTo(404);
            Document page = Jsoup.parse(result.getContentAsString());
            assertThat(page.select("#link-unknown")).as(wrong).hasSize(1);
            assertThat(page.text()).doesNotContain(number, buyer.name(), "Exception");

            mvc.perform(post("/satisfaction/" + wrong).param("score", "0").locale(Locale.ENGLISH).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        assertThat(fixtures.answers(number)).isZero();
    }

    @Test
    void simultaneousSubmitsThroughTheSameLinkRecordOneAnswer() throws Exception {
        String number = completedOrder();
        String token = fixtures.linkFor(number);
        int clicks = 6;
        CyclicBarrier together = new CyclicBarrier(clicks);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        List<LinkAnswer> outcomes = new ArrayList<>();
        try {
            List<Future<LinkAnswer>> futures = new ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                int score = i;
                futures.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return surveys.answerThroughLink(token, score, null);
                }));
            }
            for (Future<LinkAnswer> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsOnlyOnce(LinkAnswer.ANSWERED);
        assertThat(outcomes).filteredOn(o -> o != LinkAnswer.ANSWERED).containsOnly(LinkAnswer.ALREADY_USED);
        assertThat(fixtures.answers(number)).isEqualTo(1);
    }

    @Test
    void linksAreLongRandomAndTheDatabaseKeepsOnlyTheirHash() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String token = SurveyTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}"); // 256 bits, base64url
            tokens.add(token);
        }
        assertThat(tokens).hasSize(2_000);

        String number = completedOrder();
        String token = fixtures.linkFor(number);
        String stored = jdbc.sql("SELECT token_hash FROM satisfaction_survey WHERE order_number = :n")
                .param("n", number).query(String.class).single();
        assertThat(stored).isEqualTo(SurveyTokens.hash(token)).doesNotContain(token).hasSize(64);
    }

    @Test
    void zeroToSixNeverShowsAShareAskWhileNineAndTenShowTheBuyersOwnCard() throws Exception {
        String shareLink = invitations.invitationOf(buyer.id()).orElseThrow().sharePath();
        for (int score = 0; score <= 6; score++) {
            String number = completedOrder();
            Document page = page(answer(number, score, ""));
            assertThat(page.select("#answer-detractor")).as("score %d", score).hasSize(1);
            assertThat(page.select("#share-card, #share-link, #share-qr, .mm-copy")).as("score %d", score).isEmpty();
            assertThat(page.html()).as("score %d", score).doesNotContain(shareLink, "/r/", "Share the shop",
                    "Know someone");
            assertThat(fixtures.followUps(number)).isEqualTo(1);
        }
        for (int score : new int[] {9, 10}) {
            Document page = page(answer(completedOrder(), score, ""));
            assertThat(page.select("#answer-promoter #share-card #share-link").val()).endsWith(shareLink);
            assertThat(page.select("#share-qr").attr("src")).startsWith("data:image/png;base64,");
            assertThat(page.select("#friend-benefit").text()).isNotBlank();
            assertThat(page.select("main").text()).as("never what the sharer earns")
                    .doesNotContainIgnoringCase("commission").doesNotContainIgnoringCase("earn");
        }
        Document passive = page(answer(completedOrder(), 7, ""));
        assertThat(passive.select("#answer-passive #make-it-ten")).hasSize(1);
        assertThat(passive.select("#share-card #share-link").val()).endsWith(shareLink);
        assertThat(passive.select("#share-qr")).as("a gentle invitation: the link only").isEmpty();
    }

    @Test
    void afterAZeroToSixAnswerTheOrderPageNoLongerAsksTheBuyerToShare() throws Exception {
        LedgerFixtures ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
        String unhappy = ledger.place(buyer, product, 1);
        String happy = ledger.place(buyer, product, 1);
        ledger.complete(unhappy);
        ledger.complete(happy);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM satisfaction_survey WHERE order_number IN (:n)").param("n", List.of(unhappy, happy))
                .query(Long.class).single() == 2);
        Document before = orderPage(unhappy);
        assertThat(before.select("#share-card-link")).as("before answering").hasSize(1);
        mvc.perform(answer(unhappy, 4, "late"));
        mvc.perform(answer(happy, 9, ""));

        Document afterUnhappy = orderPage(unhappy);
        assertThat(afterUnhappy.select("#satisfaction-given").text()).contains("4");
        assertThat(afterUnhappy.select("#share-card, #share-card-link")).isEmpty();
        Document afterHappy = orderPage(happy);
        assertThat(afterHappy.select("#satisfaction-given").text()).contains("9");
        assertThat(afterHappy.select("#share-card-link").val()).contains("/r/");
    }

    @Test
    void aCompletedOrderWithoutASurveyOffersNoQuestionThatWouldLeadNowhere() throws Exception {
        LedgerFixtures ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
        String number = ledger.place(buyer, product, 1);
        ledger.complete(number);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM satisfaction_survey WHERE order_number = :n").param("n", number)
                .query(Long.class).single() == 1);
        assertThat(orderPage(number).select("#satisfaction-ask a")).hasSize(11);

        // As for an order completed before surveys existed.
        jdbc.sql("""
                DELETE FROM satisfaction_survey_product WHERE survey_id IN
                    (SELECT id FROM satisfaction_survey WHERE order_number = :n)""").param("n", number).update();
        jdbc.sql("DELETE FROM satisfaction_survey WHERE order_number = :n").param("n", number).update();
        assertThat(orderPage(number).select("#satisfaction-ask")).isEmpty();
    }

    private Document orderPage(String number) throws Exception {
        return page(get("/orders/" + number).locale(Locale.ENGLISH).with(user(buyer.principal())));
    }

    @Test
    void anotherCustomerCannotSeeOrAnswerSomeoneElsesSurvey() throws Exception {
        String number = completedOrder();
        TestCustomer stranger = orders.customer("Sam Stranger");

        mvc.perform(get("/orders/" + number + "/satisfaction").with(user(stranger.principal())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/orders/" + number + "/satisfaction").param("score", "0").param("comment", "bad")
                        .with(user(stranger.principal())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/orders/" + number + "/satisfaction").param("score", "0").with(csrf()))
                .andExpect(status().is3xxRedirection()); // not signed in: to the login page
        assertThat(fixtures.answers(number)).isZero();
    }

    @Test
    void aMissingOrOutOfRangeScoreReShowsTheFormWithTheComment() throws Exception {
        String number = completedOrder();
        Document page = page(post("/orders/" + number + "/satisfaction").param("score", "11")
                .param("comment", "kept text").locale(Locale.ENGLISH).with(user(buyer.principal())).with(csrf()));
        assertThat(page.select("#score-error").text()).contains("0 to 10");
        assertThat(page.select("textarea#comment").text()).isEqualTo("kept text");
        assertThat(fixtures.answers(number)).isZero();
    }
}

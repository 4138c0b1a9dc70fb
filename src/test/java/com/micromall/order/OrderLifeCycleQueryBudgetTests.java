package com.micromall.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import com.micromall.support.QueryCounter.Statement;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The SQL an order costs from the cart to its completion, through HTTP as browsers send it (form login, the session
 * and CSRF cookies, the tokens of the pages), counting every statement on every thread: the requests and the
 * asynchronous event listeners they set off (mail, commission snapshot, crediting), each step waiting until those
 * have finished. The buyer was invited by a distributor who was invited by another, so both commission levels run.
 * The test has no mail server: each mail is claimed, fails to connect and is released (as many statements as a
 * sent one: claimed, then marked sent). A failure prints the statements by step and by table: look there first, then
 * fix the code or, if a statement is really needed, raise the budget on purpose.
 */
@MicromallTest
@TestPropertySource(properties = "spring.cache.type=caffeine")
class OrderLifeCycleQueryBudgetTests {

    /**
     * Add to cart, checkout page, place, pay, ship, complete, with their listeners, measured with the shop's caches on
     * as it runs (shop and distribution settings are read once, not by every listener). Where they go, about 199 run
     * alone (8, 15, 69, 14, 14, 79 by step):
     * <ul>
     * <li>the event publication registry, 45: fifteen listeners hear the order's events (eight at completion), and
     * each publication is stored, marked processing and marked done or failed;</li>
     * <li>Spring Session, 16: each of the six requests reads the session row and reads it again once the response is
     * committed (Spring Session's filter saves the session twice and looks it up again in between), and each
     * redirecting post keeps its flash message in the session (4);</li>
     * <li>the six mails (order placed, paid, shipped, completed; the buyer's welcome as a distributor; the sharer's
     * commission), 15 of their own: each is claimed and then marked sent or released, three carry a QR code image,
     * and each reads its customer;</li>
     * <li>the order itself, about 40 in the requests: the cart, the stock, the order with its lines, discounts and
     * status history, the double-submit and order-number checks, the buyer's address book, the owner's audit lines;</li>
     * <li>the rest are the modules' own listeners and checks: the commission snapshot in the placing transaction
     * (beneficiaries, staff code, tiers, experiment arm, product overrides), the discounts computed on the checkout
     * page and again at placing, reporting's records, enrolling the buyer as a distributor for the share link in the
     * order mail, and at completion the crediting with its abuse checks, loyalty's spend, points and vouchers, care's
     * survey and visits, and the distributor tiers.</li>
     * </ul>
     * The goal is 60 (BENCHMARKS.md says what stands in the way); this pins today's figure so it can only fall. The
     * whole suite shows up to about 8 more: earlier tests leave referral-reward voucher templates switched on, so the
     * sharer is given a voucher at completion, and listeners race a little.
     */
    static final int LIFE_CYCLE_BUDGET = 210;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired QueryCounter queries;
    @Autowired ThreadPoolTaskExecutor listenerThreads;
    @Autowired DistributionApi distribution;
    @Autowired ObjectProvider<CacheManager> caches;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
        caches.ifAvailable(manager -> manager.getCacheNames().forEach(name -> manager.getCache(name).clear()));
    }

    @Test
    void anOrderFromTheCartToItsCompletionStaysWithinItsStatementBudget() throws Exception {
        long product = fixtures.product("Budget tea", "12.50", 100);
        TestCustomer grandSharer = distributor("Grand Sharer");
        TestCustomer sharer = distributor("Sharer");
        bind(sharer, grandSharer);
        TestCustomer buyer = fixtures.customer("Budget Buyer");
        bind(buyer, sharer);
        Browser customer = signIn(buyer.email(), buyer.password());
        Browser owner = signIn("owner@demo.micromall", "micromall-demo");
        awaitListeners();

        Map<String, List<Statement>> steps = new LinkedHashMap<>();
        steps.put("add to cart", step(() -> customer.send(post("/cart/add").param("productId", Long.toString(product))
                .param("quantity", "1")).andExpect(status().is3xxRedirection())));
        String[] checkoutToken = new String[1];
        steps.put("checkout page", step(() -> checkoutToken[0] = customer.page(get("/checkout"))
                .selectFirst("input[name=checkoutToken]").val()));
        String[] number = new String[1];
        steps.put("place", step(() -> {
            String location = customer.send(post("/checkout").param("checkoutToken", checkoutToken[0])
                            .param("paymentMethod", "BANK_TRANSFER").param("recipient", "Budget Buyer")
                            .param("phone", "555-0100").param("line1", "1 Budget Road").param("city", "Suzhou")
                            .param("postalCode", "215000").param("country", "China"))
                    .andExpect(redirectedUrlPattern("/orders/*/confirmation")).andReturn().getResponse()
                    .getRedirectedUrl();
            number[0] = location.substring("/orders/".length(), location.indexOf("/confirmation"));
        }));
        for (String action : List.of("pay", "ship", "complete")) {
            steps.put(action, step(() -> owner.send(post("/admin/orders/" + number[0] + "/" + action))
                    .andExpect(status().is3xxRedirection())));
        }

        assertThat(jdbc.sql("SELECT status FROM shop_order WHERE number = :n").param("n", number[0])
                .query(String.class).single()).isEqualTo("COMPLETED");
        assertThat(distribution.ledgerOf(sharer.id())).as("the sharer's commission, credited by the listeners counted")
                .extracting(DistributionApi.LedgerLine::orderNumber).contains(number[0]);
        int total = steps.values().stream().mapToInt(List::size).sum();
        assertThat(total).as(() -> report(steps)).isLessThanOrEqualTo(LIFE_CYCLE_BUDGET);
    }

    /**
     * The statements of one step: its request and every listener it set off, once they have all finished. Spring
     * Session's own cleanup of expired sessions (its scheduler thread) is no part of an order.
     */
    private List<Statement> step(QueryCounter.ThrowingRunnable request) {
        return queries.recordEverywhere(() -> {
            request.run();
            awaitListeners();
        }).stream().filter(statement -> !statement.thread().startsWith("spring-session")).toList();
    }

    /**
     * The listeners run on Spring's task executor once the request's transaction has committed, and are handed to it
     * before the response is complete; the executor being idle means they have finished, their publications marked.
     */
    private void awaitListeners() {
        ThreadPoolExecutor executor = listenerThreads.getThreadPoolExecutor();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                executor.getQueue().isEmpty() && executor.getActiveCount() == 0
                        && executor.getCompletedTaskCount() == executor.getTaskCount());
    }

    private TestCustomer distributor(String name) {
        TestCustomer customer = fixtures.customer(name);
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'ACTIVE', :at)")
                .param("c", customer.id())
                .param("code", UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT))
                .param("at", Timestamp.from(Instant.now())).update();
        return customer;
    }

    private void bind(TestCustomer referee, TestCustomer referrer) {
        jdbc.sql("INSERT INTO referral_binding (referee_id, referrer_id, bound_at, source) VALUES (:e, :r, :at, 'LINK')")
                .param("e", referee.id()).param("r", referrer.id()).param("at", Timestamp.from(Instant.now())).update();
    }

    /** Signs in through the login form and keeps the cookies a browser would keep. */
    private Browser signIn(String email, String password) throws Exception {
        Browser browser = new Browser();
        Document login = browser.page(get("/login"));
        browser.send(post("/login").param("email", email).param("password", password)
                        .param("_csrf", login.selectFirst("input[name=_csrf]").val()))
                .andExpect(redirectedUrlPattern("/**")).andExpect(response -> assertThat(
                        response.getResponse().getRedirectedUrl()).doesNotContain("error"));
        browser.csrf = browser.page(get("/cart")).selectFirst("form[action$=/logout] input[name=_csrf]").val();
        return browser;
    }

    /** One signed-in browser: its cookies (session, CSRF) and the form token of its last page. */
    private final class Browser {

        private final Map<String, Cookie> cookies = new LinkedHashMap<>();
        private String csrf = "";

        ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
            if (!csrf.isEmpty()) {
                request.param("_csrf", csrf);
            }
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            ResultActions result = mvc.perform(request.locale(Locale.ENGLISH));
            MockHttpServletResponse response = result.andReturn().getResponse();
            for (Cookie cookie : response.getCookies()) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie);
                }
            }
            return result;
        }

        Document page(MockHttpServletRequestBuilder request) throws Exception {
            return Jsoup.parse(send(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
        }
    }

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update)\\s+\"?([a-z_][a-z0-9_]*)");
    private static final Pattern NESTED = Pattern.compile("\\([^()]*\\)");

    /** The statements by step, then by module and table, requests and listeners apart, most frequent first. */
    private static String report(Map<String, List<Statement>> steps) {
        StringBuilder out = new StringBuilder("Order life cycle: ")
                .append(steps.values().stream().mapToInt(List::size).sum()).append(" statements\n");
        steps.forEach((step, statements) -> {
            out.append(String.format("%n== %s: %d statements%n", step, statements.size()));
            statements.forEach(s -> out.append(String.format("   [%s] %s%n", s.thread(), s.sql().strip())));
        });
        Map<String, Long> byTable = new TreeMap<>(steps.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(s -> (s.thread().startsWith("task") ? "listener  " : "request   ")
                        + String.format("%-13s", module(table(s.sql()))) + table(s.sql()), Collectors.counting())));
        out.append("\n== by module and table (request / listener)\n");
        byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("%4d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }

    /** The statement's table: the first one named outside parentheses (not a sub-select's). */
    private static String table(String sql) {
        String outer = sql;
        for (String inner = NESTED.matcher(outer).replaceAll(" "); !inner.equals(outer);
             inner = NESTED.matcher(outer).replaceAll(" ")) {
            outer = inner;
        }
        Matcher m = TABLE.matcher(outer);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : outer.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private static String module(String table) {
        if (table.startsWith("spring_session")) {
            return "session";
        }
        if (table.equals("event_publication")) {
            return "events";
        }
        if (table.startsWith("cart") || table.equals("shop_order") || table.startsWith("order_")) {
            return "order";
        }
        if (table.startsWith("product") || table.equals("category")) {
            return "catalog";
        }
        if (table.startsWith("customer")) {
            return "customer";
        }
        if (table.endsWith("_settings") || table.equals("audit_log") || table.equals("payment_instructions")) {
            return "settings";
        }
        return table.equals("sent_mail") ? "notification" : "distribution";
    }
}

package com.micromall.distribution.ledger;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.ReferralBindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerRegistered;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The abuse guard's signals, each on its own: accounts registered through the real sign-up page from chosen
 * addresses and browsers, orders completed through the order module; flagged commissions are held with every
 * reason found, never refused.
 */
@MicromallTest
class AbuseSignalsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributorEnrolment enrolment;
    @Autowired ReferralBindings bindings;
    @Autowired AbuseGuard guard;
    @Autowired EventPublicationRepository publications;

    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
    }

    /** An address of its own for each test, so no two tests share a network by accident. */
    private static String someIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(250));
    }

    /** Signs up through the page from this address and browser, and waits until every module handled it. */
    private TestCustomer register(String name, String email, String ip, String browser, @Nullable String code)
            throws Exception {
        mvc.perform(post("/register").with(csrf()).with(request -> {
                    request.setRemoteAddr(ip);
                    return request;
                }).header("User-Agent", browser)
                        .param("name", name).param("email", email).param("password", CustomerMother.PASSWORD)
                        .param("referralCode", code == null ? "" : code))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email.toLowerCase())
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(10)).until(() -> publications.findIncompletePublications().stream()
                .noneMatch(p -> p.getEvent() instanceof CustomerRegistered registered && registered.customerId() == id));
        // A confirmed address: these tests are about the abuse signals, not the wait for verification.
        jdbc.sql("UPDATE customer SET email_verified_at = now() WHERE id = :id").param("id", id).update();
        return new TestCustomer(id, email, CustomerMother.PASSWORD, name, null);
    }

    private String codeOf(TestCustomer customer) {
        return enrolment.enrolActive(customer.id()).code();
    }

    private record Entry(long id, String state, @Nullable String holdReason) {
    }

    private Entry commissionOf(TestCustomer sharer) {
        return jdbc.sql("SELECT id, state, hold_reason FROM commission_entry WHERE distributor_id = :d AND kind = 'COMMISSION'")
                .param("d", sharer.id())
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("state"), rs.getString("hold_reason")))
                .single();
    }

    private void withdrawal(TestCustomer distributor, String accountDetails) {
        jdbc.sql("""
                INSERT INTO withdrawal (distributor_id, amount, fee, net, currency, method, account_details, state,
                    reject_reason, requested_at)
                VALUES (:d, 20.00, 0.00, 20.00, 'CNY', 'BANK', :details, 'REJECTED', 'test', :at)""")
                .param("d", distributor.id()).param("details", accountDetails)
                .param("at", Timestamp.from(Instant.now())).update();
    }

    @Test
    void aSecondAccountOnTheSameNetworkWithAnotherBrowserHoldsTheCommissionForTheSameNetwork() throws Exception {
        String home = someIp();
        TestCustomer anna = register("Anna Net", CustomerMother.uniqueEmail("annanet"), home, "Firefox/140.0", null);
        TestCustomer second = register("Nora Net", CustomerMother.uniqueEmail("noranet"), home, "Chrome/150.0",
                codeOf(anna));
        assertThat(bindings.referrerOf(second.id())).hasValue(anna.id());

        String number = fixtures.place(second, fixtures.orders.product("Lamp", "100.00", 10), 1);
        fixtures.complete(number);

        Entry held = commissionOf(anna);
        assertThat(held.state()).isEqualTo("ON_HOLD");
        assertThat(HoldReason.names(held.holdReason())).containsExactly("SHARED_NETWORK");
    }

    @Test
    void aSharerWhoRegisteredLongAgoIsSeenOnTheNetworkSheLogsInFrom() throws Exception {
        TestCustomer anna = fixtures.orders.customer("Anna Login");
        String home = someIp();
        mvc.perform(post("/login").with(csrf()).with(request -> {
                    request.setRemoteAddr(home);
                    return request;
                }).param("email", anna.email()).param("password", anna.password()))
                .andExpect(status().is3xxRedirection());
        TestCustomer second = register("Lena Login", CustomerMother.uniqueEmail("lenalogin"), home, "Chrome/150.0",
                codeOf(anna));

        fixtures.complete(fixtures.place(second, fixtures.orders.product("Clock", "70.00", 10), 1));

        assertThat(HoldReason.names(commissionOf(anna).holdReason())).containsExactly("SHARED_NETWORK");
    }

    @Test
    void theShopsOwnLoopbackAddressIsNoOnesNetwork() throws Exception {
        TestCustomer anna = register("Anna Local", CustomerMother.uniqueEmail("annalocal"), "127.0.0.1", "Firefox/140.0",
                null);
        TestCustomer friend = register("Lou Local", CustomerMother.uniqueEmail("loulocal"), "127.0.0.1", "Safari/19.0",
                codeOf(anna));

        fixtures.complete(fixtures.place(friend, fixtures.orders.product("Cup", "20.00", 10), 1));

        assertThat(commissionOf(anna).state()).isEqualTo("FROZEN");
    }

    @Test
    void aGenuinelyUnrelatedFriendStillFreezesAsBefore() throws Exception {
        TestCustomer anna = register("Anna Far", CustomerMother.uniqueEmail("annafar"), someIp(), "Firefox/140.0", null);
        TestCustomer friend = register("Fred Far", CustomerMother.uniqueEmail("fredfar"), someIp(), "Safari/19.0",
                codeOf(anna));
        fixtures.orders.address(anna.id());

        fixtures.complete(fixtures.place(friend, fixtures.orders.product("Kettle", "80.00", 10), 1));

        Entry entry = commissionOf(anna);
        assertThat(entry.state()).isEqualTo("FROZEN");
        assertThat(entry.holdReason()).isNull();
    }

    @Test
    void anOrderShippedToTheSharersSavedAddressIsHeld() throws Exception {
        TestCustomer anna = register("Anna Home", CustomerMother.uniqueEmail("annahome"), someIp(), "Firefox/140.0", null);
        TestCustomer friend = register("Hal Home", CustomerMother.uniqueEmail("halhome"), someIp(), "Safari/19.0",
                codeOf(anna));
        fixtures.orders.address(anna.id());

        fixtures.complete(fixtures.place(friend, Map.of(fixtures.orders.product("Mat", "60.00", 10), 1),
                "9, Saved road", "310 000"));

        Entry held = commissionOf(anna);
        assertThat(held.state()).isEqualTo("ON_HOLD");
        assertThat(HoldReason.names(held.holdReason())).containsExactly("SHARED_ADDRESS");
    }

    @Test
    void everySignalFoundIsListedInWordsForTheOwnerInEachLanguage() throws Exception {
        String home = someIp();
        TestCustomer anna = register("Anna All", CustomerMother.uniqueEmail("annaall"), home, "Firefox/140.0", null);
        TestCustomer second = register("Olga All", CustomerMother.uniqueEmail("olgaall"), home, "Chrome/150.0",
                codeOf(anna));
        fixtures.orders.address(anna.id());
        codeOf(second);
        withdrawal(anna, "ICBC Hangzhou, Wang Li, 6222 0000 1111 2222");
        withdrawal(second, "icbc hangzhou wang li 6222-0000-1111-2222");

        fixtures.complete(fixtures.place(second, Map.of(fixtures.orders.product("Vase", "90.00", 10), 1),
                "9 Saved Road", "310000"));

        Entry held = commissionOf(anna);
        assertThat(held.state()).isEqualTo("ON_HOLD");
        assertThat(HoldReason.names(held.holdReason()))
                .containsExactlyInAnyOrder("SHARED_NETWORK", "SHARED_ADDRESS", "SHARED_PAYOUT_ACCOUNT");

        assertThat(reasonsOnTheHoldsPage(held.id(), null)).containsExactly(
                "The sharer and the buyer used the same network (internet connection) within a day",
                "Shipped to the sharer's own address",
                "The sharer and the buyer gave the same payout account for withdrawals");
        assertThat(reasonsOnTheHoldsPage(held.id(), "zh_CN")).containsExactly(
                "分享者与买家在一天之内使用了同一网络（同一上网连接）", "寄送至分享者本人的地址", "分享者与买家提现时填写了同一收款账户");
        assertThat(reasonsOnTheHoldsPage(held.id(), "zh_TW")).hasSize(3).first().asString().contains("同一網路");
        assertThat(reasonsOnTheHoldsPage(held.id(), "fil")).hasSize(3).first().asString().contains("network");
    }

    private List<String> reasonsOnTheHoldsPage(long entryId, @Nullable String language) throws Exception {
        var request = get("/admin/distribution/holds").with(user("owner@demo.micromall").roles("OWNER"));
        if (language != null) {
            request.cookie(new Cookie("micromall_lang", language));
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Element row = Jsoup.parse(html).selectFirst("#hold-" + entryId);
        assertThat(row).isNotNull();
        return row.select(".mm-hold-reason li").eachText();
    }

    @Test
    void aBuyerWhoseGmailAddressIsTheBeneficiarysWithDotsOrATagIsFlagged() {
        String name = OrderFixtures.unique("ab").toLowerCase();
        TestCustomer anna = customerWithEmail(name + "@gmail.com");
        TestCustomer buyer = customerWithEmail(name.charAt(0) + "." + name.substring(1) + "+shop@googlemail.com");
        TestCustomer stranger = customerWithEmail(name + "x@gmail.com");

        assertThat(guard.check(anna.id(), buyer.id(), null, null)).containsExactly(HoldReason.SAME_EMAIL);
        assertThat(guard.check(anna.id(), stranger.id(), null, null)).isEmpty();
    }

    private TestCustomer customerWithEmail(String email) {
        jdbc.sql("""
                INSERT INTO customer (email, password_hash, name, role, created_at)
                VALUES (:e, 'x', 'Twin', 'CUSTOMER', :at)""")
                .param("e", email).param("at", Timestamp.from(Instant.now())).update();
        long id = jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email).query(Long.class).single();
        return new TestCustomer(id, email, "x", "Twin", null);
    }
}

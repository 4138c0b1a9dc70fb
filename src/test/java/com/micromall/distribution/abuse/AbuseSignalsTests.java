package com.micromall.distribution.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerRegistered;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The guard's signals, each on its own: accounts registered and signed in through the real pages from chosen
 * addresses and browsers, and the guard asked what links a sharer and a buyer. What the ledger does with a signal (it
 * holds the commission) is the ledger's test.
 */
@MicromallTest
class AbuseSignalsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;
    @Autowired AbuseGuard guard;
    @Autowired EventPublicationRepository publications;

    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
    }

    /** An address of its own for each test, so no two tests share a network by accident. */
    private static String someIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(250));
    }

    /** Signs up through the page from this address and browser, and waits until every module handled it. */
    private TestCustomer register(String name, String ip, String browser) throws Exception {
        String email = CustomerMother.uniqueEmail(name.toLowerCase().replace(" ", ""));
        mvc.perform(post("/register").with(csrf()).with(request -> {
                    request.setRemoteAddr(ip);
                    return request;
                }).header("User-Agent", browser)
                        .param("name", name).param("email", email).param("password", CustomerMother.PASSWORD)
                        .param("referralCode", ""))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email.toLowerCase())
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(10)).until(() -> publications.findIncompletePublications().stream()
                .noneMatch(p -> p.getEvent() instanceof CustomerRegistered registered && registered.customerId() == id));
        return new TestCustomer(id, email, CustomerMother.PASSWORD, name, null);
    }

    @Test
    void aSecondAccountOnTheSameNetworkWithAnotherBrowserSharesTheNetworkOnly() throws Exception {
        String home = someIp();
        TestCustomer anna = register("Anna Net", home, "Firefox/140.0");
        TestCustomer second = register("Nora Net", home, "Chrome/150.0");

        assertThat(guard.check(anna.id(), second.id(), null, null)).containsExactly(AbuseSignal.SHARED_NETWORK);
        assertThat(guard.check(second.id(), anna.id(), null, null)).containsExactly(AbuseSignal.SHARED_NETWORK);
    }

    @Test
    void theSameBrowserOnTheSameNetworkIsTheSameDevice() throws Exception {
        String home = someIp();
        TestCustomer anna = register("Anna Dev", home, "Firefox/140.0");
        TestCustomer second = register("Dora Dev", home, "Firefox/140.0");

        assertThat(guard.check(anna.id(), second.id(), null, null))
                .containsExactly(AbuseSignal.SHARED_DEVICE, AbuseSignal.SHARED_NETWORK);
    }

    @Test
    void aSharerWhoRegisteredLongAgoIsSeenOnTheNetworkSheLogsInFrom() throws Exception {
        TestCustomer anna = orders.customer("Anna Login");
        String home = someIp();
        TestCustomer before = register("Bea Login", home, "Chrome/150.0");
        assertThat(guard.check(anna.id(), before.id(), null, null)).isEmpty();

        mvc.perform(post("/login").with(csrf()).with(request -> {
                    request.setRemoteAddr(home);
                    return request;
                }).param("email", anna.email()).param("password", anna.password()))
                .andExpect(status().is3xxRedirection());
        TestCustomer second = register("Lena Login", home, "Chrome/150.0");

        assertThat(guard.check(anna.id(), second.id(), null, null)).containsExactly(AbuseSignal.SHARED_NETWORK);
        assertThat(guard.check(anna.id(), before.id(), null, null)).containsExactly(AbuseSignal.SHARED_NETWORK);
    }

    @Test
    void theShopsOwnLoopbackAddressIsNoOnesNetwork() throws Exception {
        TestCustomer anna = register("Anna Local", "127.0.0.1", "Firefox/140.0");
        TestCustomer friend = register("Lou Local", "127.0.0.1", "Safari/19.0");

        assertThat(guard.check(anna.id(), friend.id(), null, null)).isEmpty();
    }

    @Test
    void sightingsOnOneNetworkCountOnlyWithinTheSameNetworkDays() {
        String network = UUID.randomUUID().toString().replace("-", "");
        LocalDate day = LocalDate.of(2026, 3, 2);
        TestCustomer anna = orders.customer("Anna Days");
        TestCustomer close = orders.customer("Cleo Days");
        TestCustomer far = orders.customer("Fay Days");
        seen(anna, network, day);
        seen(close, network, day.plusDays(AbuseGuard.SAME_NETWORK_DAYS));
        seen(far, network, day.plusDays(AbuseGuard.SAME_NETWORK_DAYS + 1));

        assertThat(guard.check(anna.id(), close.id(), null, null)).containsExactly(AbuseSignal.SHARED_NETWORK);
        assertThat(guard.check(anna.id(), far.id(), null, null)).isEmpty();
    }

    private void seen(TestCustomer customer, String network, LocalDate day) {
        jdbc.sql("INSERT INTO customer_network (customer_id, network_hash, seen_on) VALUES (:c, :n, :d)")
                .param("c", customer.id()).param("n", network).param("d", Date.valueOf(day)).update();
    }

    @Test
    void anOrderShippedToTheSharersSavedAddressIsFlaggedWhateverItsCaseSpacesAndCommas() throws Exception {
        TestCustomer anna = register("Anna Home", someIp(), "Firefox/140.0");
        TestCustomer friend = register("Hal Home", someIp(), "Safari/19.0");
        orders.address(anna.id());

        assertThat(AbuseGuard.normalised("9, Saved road", "310 000"))
                .isEqualTo(AbuseGuard.normalised("9 Saved Road", "310000"));
        assertThat(guard.check(anna.id(), friend.id(), "9, Saved road", "310 000"))
                .containsExactly(AbuseSignal.SHARED_ADDRESS);
        assertThat(guard.check(anna.id(), friend.id(), "19 Saved Road", "310000")).isEmpty();
        assertThat(guard.check(anna.id(), friend.id(), null, null)).isEmpty();
    }

    @Test
    void theSamePayoutAccountTypedDifferentlyIsFlagged() {
        TestCustomer anna = distributor("Anna Pay");
        TestCustomer second = distributor("Olga Pay");
        TestCustomer stranger = distributor("Sam Pay");
        assertThat(guard.check(anna.id(), second.id(), null, null)).isEmpty();

        withdrawal(anna, "ICBC Hangzhou, Wang Li, 6222 0000 1111 2222");
        withdrawal(second, "icbc hangzhou wang li 6222-0000-1111-2222");
        withdrawal(stranger, "ICBC Hangzhou, Sam Pay, 6222 0000 3333 4444");

        assertThat(guard.check(anna.id(), second.id(), null, null)).containsExactly(AbuseSignal.SHARED_PAYOUT_ACCOUNT);
        assertThat(guard.check(anna.id(), stranger.id(), null, null)).isEmpty();
    }

    private TestCustomer distributor(String name) {
        TestCustomer customer = orders.customer(name);
        enrolment.enrolActive(customer.id());
        return customer;
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
    void aBuyerWhoseGmailAddressIsTheBeneficiarysWithDotsOrATagIsFlagged() {
        String name = OrderFixtures.unique("ab").toLowerCase();
        TestCustomer anna = customerWithEmail(name + "@gmail.com");
        TestCustomer buyer = customerWithEmail(name.charAt(0) + "." + name.substring(1) + "+shop@googlemail.com");
        TestCustomer stranger = customerWithEmail(name + "x@gmail.com");

        assertThat(guard.check(anna.id(), buyer.id(), null, null)).containsExactly(AbuseSignal.SAME_EMAIL);
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

    @Test
    void aGenuinelyUnrelatedFriendRaisesNoSignal() throws Exception {
        TestCustomer anna = register("Anna Far", someIp(), "Firefox/140.0");
        TestCustomer friend = register("Fred Far", someIp(), "Safari/19.0");
        orders.address(anna.id());

        assertThat(guard.check(anna.id(), friend.id(), "1 Other Street", "200000")).isEmpty();
    }
}

package com.micromall.distribution.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.referral.ReferralBindings.BindingOutcome;
import com.micromall.order.OrderFixtures;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@MicromallTest
class ReferralBindingTests {

    @Autowired MockMvc mvc;
    @Autowired ReferralBindings bindings;
    @Autowired DistributorEnrolment enrolment;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    private String codeOf(long customerId) {
        return enrolment.enrolActive(customerId).code();
    }

    private Optional<String> sourceOf(long refereeId) {
        return jdbc.sql("SELECT source FROM referral_binding WHERE referee_id = :id").param("id", refereeId)
                .query(String.class).optional();
    }

    private Optional<Long> customerIdOf(String email) {
        return jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email).query(Long.class).optional();
    }

    @Test
    void registeringAfterFollowingTheShareLinkBindsTheNewCustomerToTheSharerAsLink() throws Exception {
        long anna = fixtures.customer("Anna Sharer").id();
        String code = codeOf(anna);
        Cookie cookie = mvc.perform(get("/r/" + code).header("User-Agent", "LinkAgent/1.0"))
                .andReturn().getResponse().getCookie(ReferralAttribution.COOKIE);
        assertThat(cookie).isNotNull();

        String email = CustomerMother.uniqueEmail("linked");
        mvc.perform(post("/register").with(csrf()).cookie(cookie).header("User-Agent", "LinkAgent/1.0")
                        .param("name", "Linda Linked").param("email", email).param("password", CustomerMother.PASSWORD)
                        .param("referralCode", code))
                .andExpect(status().is3xxRedirection());

        long linda = customerIdOf(email).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sourceOf(linda)).hasValue("LINK"));
        assertThat(bindings.referrerOf(linda)).hasValue(anna);
    }

    @Test
    void aCodeTypedAtRegistrationWithoutTheLinkBindsAsTyped() throws Exception {
        long anna = fixtures.customer("Anna Typed").id();
        String code = codeOf(anna);
        String email = CustomerMother.uniqueEmail("typed");
        mvc.perform(post("/register").with(csrf())
                        .param("name", "Tom Typed").param("email", email).param("password", CustomerMother.PASSWORD)
                        .param("referralCode", code.toLowerCase()))
                .andExpect(status().is3xxRedirection());
        long tom = customerIdOf(email).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sourceOf(tom)).hasValue("TYPED_AT_REGISTRATION"));
        assertThat(bindings.referrerOf(tom)).hasValue(anna);
    }

    @Test
    void noOneIsBoundToThemselves() {
        long self = fixtures.customer("Self Sam").id();
        assertThat(bindings.bind(self, codeOf(self), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.OWN_CODE);
        assertThat(bindings.referrerOf(self)).isEmpty();
    }

    @Test
    void noOneIsBoundToAnAccountWithTheSameEmailInAnotherCase() {
        String email = OrderFixtures.unique("twin").toLowerCase() + "@example.com";
        long lower = insertCustomer(email);
        long upper = insertCustomer(email.toUpperCase());
        assertThat(bindings.bind(upper, codeOf(lower), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.SAME_EMAIL);
        assertThat(bindings.referrerOf(upper)).isEmpty();
    }

    @Test
    void noOneIsBoundToAGmailAddressThatDiffersOnlyByDotsOrATag() {
        String name = OrderFixtures.unique("twin").toLowerCase().replaceAll("[^a-z0-9]", "");
        long anna = insertCustomer(name + "@gmail.com");
        long dotted = insertCustomer(name.charAt(0) + "." + name.substring(1) + "@gmail.com");
        long tagged = insertCustomer(name + "+second@googlemail.com");
        long ben = insertCustomer(name + "@example.com");
        long elsewhere = insertCustomer(name.charAt(0) + "." + name.substring(1) + "@example.com");
        assertThat(bindings.bind(dotted, codeOf(anna), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.SAME_EMAIL);
        assertThat(bindings.bind(tagged, codeOf(anna), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.SAME_EMAIL);
        assertThat(bindings.referrerOf(dotted)).isEmpty();
        assertThat(bindings.referrerOf(tagged)).isEmpty();
        // Other providers deliver a dotted name to another mailbox: only the tag is ignored there.
        assertThat(bindings.bind(elsewhere, codeOf(ben), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.BOUND);
    }

    @Test
    void aCycleIsRefusedDirectAndThroughAChain() {
        long a = fixtures.customer("Cycle A").id();
        long b = fixtures.customer("Cycle B").id();
        long c = fixtures.customer("Cycle C").id();
        assertThat(bindings.bind(b, codeOf(a), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.BOUND);
        assertThat(bindings.bind(a, codeOf(b), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.CYCLE);
        assertThat(bindings.bind(c, codeOf(b), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.BOUND);
        assertThat(bindings.bind(a, codeOf(c), ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.CYCLE);
        assertThat(bindings.referrerOf(a)).isEmpty();
    }

    @Test
    void aBoundCustomerIsNeverReBound() {
        long first = fixtures.customer("First Referrer").id();
        long second = fixtures.customer("Second Referrer").id();
        long friend = fixtures.customer("Fixed Friend").id();
        assertThat(bindings.bind(friend, codeOf(first), ReferralSource.LINK, null)).isEqualTo(BindingOutcome.BOUND);
        assertThat(bindings.bind(friend, codeOf(second), ReferralSource.TYPED_LATER, null))
                .isEqualTo(BindingOutcome.ALREADY_BOUND);
        assertThat(bindings.referrerOf(friend)).hasValue(first);
        assertThat(sourceOf(friend)).hasValue("LINK");
    }

    @Test
    void aSuspendedDistributorStillGetsBoundCustomers() {
        long sharer = fixtures.customer("Suspended Sue").id();
        String code = codeOf(sharer);
        enrolment.suspend(sharer, "owner@demo.micromall");
        long friend = fixtures.customer("Friend Of Sue").id();
        assertThat(bindings.bind(friend, code, ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.BOUND);
    }

    @Test
    void anUnknownCodeBindsNoOne() {
        long friend = fixtures.customer("Unknown Ursula").id();
        assertThat(bindings.bind(friend, "ZZZZZZZZ", ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.UNKNOWN_CODE);
        assertThat(bindings.bind(friend, "not a code", ReferralSource.TYPED_LATER, null)).isEqualTo(BindingOutcome.UNKNOWN_CODE);
        assertThat(bindings.referrerOf(friend)).isEmpty();
    }

    private long insertCustomer(String email) {
        jdbc.sql("""
                INSERT INTO customer (email, password_hash, name, role, created_at)
                VALUES (:e, 'x', 'Twin', 'CUSTOMER', :at)""")
                .param("e", email).param("at", Timestamp.from(Instant.now())).update();
        return customerIdOf(email).orElseThrow();
    }
}

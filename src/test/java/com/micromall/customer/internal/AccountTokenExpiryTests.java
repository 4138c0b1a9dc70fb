package com.micromall.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.support.MicromallTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Links mailed to a customer stop working after their lifetime: 30 minutes for a reset, 48 hours for verification. */
@MicromallTest
class AccountTokenExpiryTests {

    @Autowired CustomerRegistration registration;
    @Autowired CustomerRepository customers;
    @Autowired CustomerApi customerApi;
    @Autowired AccountTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    @Test
    void aResetLinkWorksForThirtyMinutesAndNotAMinuteLonger() {
        CustomerPrincipal late = CustomerMother.register(registration, "Larry Late");
        String token = transactions.execute(s -> tokens.issue(late.getCustomerId(), AccountTokens.Purpose.PASSWORD_RESET));

        PasswordReset afterThirtyOne = resetAsOf(Duration.ofMinutes(31));
        assertThat(afterThirtyOne.isUsable(token)).isFalse();
        assertThat(afterThirtyOne.reset(token, "too-late-secret-1")).isEmpty();
        assertThat(passwordEncoder.matches(CustomerMother.PASSWORD, hashOf(late))).isTrue();

        PasswordReset afterTwentyNine = resetAsOf(Duration.ofMinutes(29));
        assertThat(afterTwentyNine.isUsable(token)).isTrue();
        assertThat(afterTwentyNine.reset(token, "just-in-time-1")).isPresent();
        assertThat(passwordEncoder.matches("just-in-time-1", hashOf(late))).isTrue();
    }

    @Test
    void aVerificationLinkWorksForFortyEightHours() {
        CustomerPrincipal slow = CustomerMother.register(registration, "Sam Slow");
        String token = transactions.execute(s -> tokens.issue(slow.getCustomerId(), AccountTokens.Purpose.EMAIL_VERIFICATION));

        assertThat(verificationAsOf(Duration.ofHours(49)).verify(token)).isFalse();
        assertThat(customerApi.isEmailVerified(slow.getCustomerId())).isFalse();
        assertThat(verificationAsOf(Duration.ofHours(47)).verify(token)).isTrue();
        assertThat(customerApi.isEmailVerified(slow.getCustomerId())).isTrue();
    }

    @Test
    void aResetLinkCannotVerifyAndAVerificationLinkCannotResetAPassword() {
        CustomerPrincipal mixed = CustomerMother.register(registration, "Mia Mixed");
        String reset = transactions.execute(s -> tokens.issue(mixed.getCustomerId(), AccountTokens.Purpose.PASSWORD_RESET));
        String verify = transactions.execute(s -> tokens.issue(mixed.getCustomerId(), AccountTokens.Purpose.EMAIL_VERIFICATION));

        assertThat(verificationAsOf(Duration.ZERO).verify(reset)).isFalse();
        assertThat(resetAsOf(Duration.ZERO).reset(verify, "crossed-wires-1")).isEmpty();
    }

    private PasswordReset resetAsOf(Duration later) {
        AccountTokens tokensLater = new AccountTokens(jdbc, Clock.offset(clock, later));
        return new PasswordReset(customers, tokensLater, verificationAsOf(later), passwordEncoder, events, transactions);
    }

    private EmailVerification verificationAsOf(Duration later) {
        Clock laterClock = Clock.offset(clock, later);
        return new EmailVerification(customers, new AccountTokens(jdbc, laterClock), events, transactions, laterClock);
    }

    private String hashOf(CustomerPrincipal customer) {
        return jdbc.sql("SELECT password_hash FROM customer WHERE id = :id").param("id", customer.getCustomerId())
                .query(String.class).single();
    }
}

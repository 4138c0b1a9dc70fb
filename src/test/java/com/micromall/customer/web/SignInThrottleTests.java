package com.micromall.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's own clock is moved here, as the jobs' tests move theirs; the pages' tests cover the wiring. */
class SignInThrottleTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void afterThirtyFailuresTheAccountWaitsThenMayTryAgain() {
        for (int i = 0; i < 30; i++) {
            throttle.loginFailed("Guessed@Example.com", "10.0.0." + i);
        }
        Duration wait = throttle.loginWait("guessed@example.com", "10.0.1.1").orElseThrow();
        assertThat(wait).isPositive().isLessThanOrEqualTo(SignInThrottle.ACCOUNT_PERIOD);

        clock.move(wait.minusSeconds(1));
        assertThat(throttle.loginWait("guessed@example.com", "10.0.1.1")).isPresent();
        clock.move(Duration.ofSeconds(1));
        assertThat(throttle.loginWait("guessed@example.com", "10.0.1.1")).isEmpty();

        throttle.loginFailed("guessed@example.com", "10.0.1.1");
        assertThat(throttle.loginWait("guessed@example.com", "10.0.1.1"))
                .as("one more wrong guess after the wait locks the account again").isPresent();
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsFailuresButNotTheAddresss() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
            throttle.loginFailed(i < SignInThrottle.FAILURES_PER_ACCOUNT ? "me@example.com" : "other" + i + "@example.com",
                    "10.0.0.1");
        }
        throttle.loginSucceeded("me@example.com");

        assertThat(throttle.loginWait("me@example.com", "10.0.0.2")).isEmpty();
        assertThat(throttle.loginWait("me@example.com", "10.0.0.1")).isPresent();
    }

    @Test
    void theWaitIsShownInWholeMinutesRoundedUp() {
        assertThat(SignInThrottle.minutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(SignInThrottle.minutes(Duration.ofSeconds(180))).isEqualTo(3);
        assertThat(SignInThrottle.minutes(Duration.ofSeconds(181))).isEqualTo(4);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

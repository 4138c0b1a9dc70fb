package com.micromall.customer.web;

import com.micromall.shared.web.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing and account-making scripts. Failed logins are counted per e-mail (one account
 * guessed from many addresses) and per client address (many accounts tried from one address); once either runs
 * out, every login for it is refused - the right password too - until an attempt has refilled, so a locked
 * account cannot be probed. A successful login forgets the account's failures. Sign-ups are counted per address.
 */
@Component
class SignInThrottle {

    /** A person who mistypes a few times is never held up; a guesser gets one try every three minutes. */
    static final int FAILURES_PER_ACCOUNT = 5;
    static final Duration ACCOUNT_PERIOD = Duration.ofMinutes(15);
    /** An office or a mobile carrier shares one address among many honest people. */
    static final int FAILURES_PER_ADDRESS = 30;
    static final Duration ADDRESS_PERIOD = Duration.ofMinutes(15);
    /**
     * A family or an office behind one address signs up together, and mistyped forms count too; a script making
     * accounts by the thousand does not get far.
     */
    static final int SIGN_UPS_PER_ADDRESS = 60;
    static final Duration SIGN_UP_PERIOD = Duration.ofHours(1);

    /** Reset links: a person asks once or twice; more would fill someone's inbox. */
    static final int RESET_LINKS_PER_ACCOUNT = 3;
    static final int RESET_LINKS_PER_ADDRESS = 20;
    static final Duration RESET_LINK_PERIOD = Duration.ofHours(1);

    private final Throttle perAccount;
    private final Throttle perAddress;
    private final Throttle signUps;
    private final Throttle resetLinksPerAccount;
    private final Throttle resetLinksPerAddress;

    SignInThrottle(Clock clock) {
        this.perAccount = new Throttle(FAILURES_PER_ACCOUNT, ACCOUNT_PERIOD, clock);
        this.perAddress = new Throttle(FAILURES_PER_ADDRESS, ADDRESS_PERIOD, clock);
        this.signUps = new Throttle(SIGN_UPS_PER_ADDRESS, SIGN_UP_PERIOD, clock);
        this.resetLinksPerAccount = new Throttle(RESET_LINKS_PER_ACCOUNT, RESET_LINK_PERIOD, clock);
        this.resetLinksPerAddress = new Throttle(RESET_LINKS_PER_ADDRESS, RESET_LINK_PERIOD, clock);
    }

    /** Asked before the password is looked at: how long this login must wait, or empty when it may go ahead. */
    Optional<Duration> loginWait(String email, String address) {
        Optional<Duration> account = perAccount.waitFor(accountKey(email));
        Optional<Duration> fromAddress = perAddress.waitFor(address);
        return account.isPresent() && fromAddress.isPresent()
                ? Optional.of(account.get().compareTo(fromAddress.get()) > 0 ? account.get() : fromAddress.get())
                : account.or(() -> fromAddress);
    }

    void loginFailed(String email, String address) {
        perAccount.take(accountKey(email));
        perAddress.take(address);
    }

    void loginSucceeded(String email) {
        perAccount.reset(accountKey(email));
    }

    /** Takes one sign-up attempt for the address: empty when allowed, else how long until the next one is. */
    Optional<Duration> signUp(String address) {
        return signUps.take(address);
    }

    /**
     * Takes one password-reset request for the typed address and the client: empty when allowed, else how long to
     * wait. Counted per typed e-mail whether or not it has an account, so the answer says nothing about that.
     */
    Optional<Duration> resetLink(String email, String address) {
        Optional<Duration> fromAddress = resetLinksPerAddress.take(address);
        return fromAddress.isPresent() ? fromAddress : resetLinksPerAccount.take(accountKey(email));
    }

    /** Whole minutes, rounded up, for the message "try again in N minutes". */
    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private static String accountKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

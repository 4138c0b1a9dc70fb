package com.micromall.customer.internal;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerRegistered;
import com.micromall.customer.RegistrationWithTakenEmailAttempted;
import com.micromall.customer.VerificationMailRequested;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a shopper's account and tells the other modules (the outbox records {@link CustomerRegistered});
 * the new account gets a link that verifies its e-mail address.
 */
@Service
@RequiredArgsConstructor
public class CustomerRegistration {

    private final CustomerRepository customers;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AccountTokens tokens;
    private final Clock clock;

    /**
     * @return the new account's principal, ready to be logged in
     * @throws EmailAlreadyRegisteredException also when a parallel registration won the race to
     *         the unique constraint: the loser's transaction is rolled back first, then asked again
     */
    public CustomerPrincipal register(NewCustomer registration) {
        String email = Customer.normalizeEmail(registration.email());
        Opened opened;
        try {
            opened = transactions.execute(status -> {
                if (customers.existsByEmail(email)) {
                    throw new EmailAlreadyRegisteredException(email);
                }
                Customer customer = customers.saveAndFlush(Customer.register(email,
                        passwordEncoder.encode(registration.rawPassword()), registration.name(),
                        registration.phone(), registration.wechatId(), registration.locale(), clock.instant()));
                events.publishEvent(new CustomerRegistered(customer.getId(), customer.getName(), customer.getEmail(),
                        customer.getCreatedAt(), Customer.blankToNull(registration.referralCode()),
                        registration.deviceHash(), registration.networkHash()));
                return new Opened(CustomerAccounts.principalOf(customer),
                        tokens.issue(customer.getId(), AccountTokens.Purpose.EMAIL_VERIFICATION));
            });
        } catch (DataIntegrityViolationException e) {
            if (customers.existsByEmail(email)) {
                throw new EmailAlreadyRegisteredException(email);
            }
            throw e;
        }
        // After commit, so the link already works when the mail arrives; never through the outbox.
        events.publishEvent(new VerificationMailRequested(opened.principal().getCustomerId(), opened.verificationToken()));
        return opened.principal();
    }

    /**
     * Registration as the sign-up page sees it: a taken address looks exactly like a new account
     * to the visitor, and its owner is told by mail instead, so the page reveals no address.
     */
    public void signUp(NewCustomer registration) {
        try {
            register(registration);
        } catch (EmailAlreadyRegisteredException e) {
            // Hash anyway: a refusal that skips the slow hash would answer measurably faster.
            passwordEncoder.encode(registration.rawPassword());
            customers.findByEmail(Customer.normalizeEmail(registration.email())).ifPresent(owner ->
                    events.publishEvent(new RegistrationWithTakenEmailAttempted(owner.getId())));
        }
    }

    private record Opened(CustomerPrincipal principal, String verificationToken) {
    }
}

package com.micromall.customer.internal;

import com.micromall.customer.CustomerVerified;
import com.micromall.customer.VerificationMailRequested;
import com.micromall.shared.NotFoundException;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms that a customer can read mail sent to their address. An unverified account can shop;
 * withdrawing money and the commission its orders earn a referrer wait for this.
 */
@Service
@RequiredArgsConstructor
public class EmailVerification {

    private final CustomerRepository customers;
    private final AccountTokens tokens;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Mails a fresh link (the older one stops working); nothing when the address is already verified. */
    public void sendLink(long customerId) {
        String token = transactions.execute(status -> {
            Customer customer = customers.findById(customerId)
                    .orElseThrow(() -> new NotFoundException("No customer " + customerId));
            return customer.isEmailVerified() ? null : tokens.issue(customerId, AccountTokens.Purpose.EMAIL_VERIFICATION);
        });
        if (token != null) {
            // After commit, so the link already works when the mail arrives; never through the outbox.
            events.publishEvent(new VerificationMailRequested(customerId, token));
        }
    }

    /** @return false when the link is unknown, expired, used or replaced by a newer one */
    public boolean verify(String token) {
        return Boolean.TRUE.equals(transactions.execute(status -> tokens
                .consume(AccountTokens.Purpose.EMAIL_VERIFICATION, token)
                .flatMap(customers::findById)
                .map(customer -> {
                    markVerified(customer);
                    return true;
                })
                .orElse(false)));
    }

    /** Reading a mail sent to the address proves it, whichever link it was. */
    void markVerified(Customer customer) {
        if (customer.verifyEmail(clock.instant())) {
            events.publishEvent(new CustomerVerified(customer.getId(), customer.getEmailVerifiedAt()));
        }
    }
}

package com.micromall.customer.internal;

import com.micromall.customer.PasswordResetMailRequested;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** "Forgot password?": a link by mail that sets a new password once. */
@Service
@RequiredArgsConstructor
public class PasswordReset {

    private final CustomerRepository customers;
    private final AccountTokens tokens;
    private final EmailVerification verification;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    /** Mails a link when the address has an account; the caller answers the same either way. */
    public void requestLink(String email) {
        String normalized = Customer.normalizeEmail(email);
        PasswordResetMailRequested mail = transactions.execute(status -> customers.findByEmail(normalized)
                .map(customer -> new PasswordResetMailRequested(customer.getId(),
                        tokens.issue(customer.getId(), AccountTokens.Purpose.PASSWORD_RESET)))
                .orElse(null));
        if (mail != null) {
            // After commit, so the link already works when the mail arrives; never through the outbox.
            events.publishEvent(mail);
        }
    }

    /** Whether the link can still set a password (it is not used up by looking). */
    public boolean isUsable(String token) {
        return tokens.peek(AccountTokens.Purpose.PASSWORD_RESET, token).isPresent();
    }

    /** @return the account's e-mail (its sign-in name), or empty when the link is unknown, expired, used or replaced */
    public Optional<String> reset(String token, String newPassword) {
        return Objects.requireNonNull(transactions.execute(status -> tokens
                .consume(AccountTokens.Purpose.PASSWORD_RESET, token)
                .flatMap(customers::findById)
                .map(customer -> {
                    customer.changePassword(passwordEncoder.encode(newPassword));
                    verification.markVerified(customer);
                    return customer.getEmail();
                })));
    }
}

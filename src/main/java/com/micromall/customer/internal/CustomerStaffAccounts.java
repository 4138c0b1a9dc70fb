package com.micromall.customer.internal;

import com.micromall.customer.StaffAccounts;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Staff invitations on the same single-use tokens as password resets. */
@Service
@RequiredArgsConstructor
class CustomerStaffAccounts implements StaffAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomerRepository customers;
    private final AccountTokens tokens;
    private final EmailVerification verification;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Invitation invite(String email, String name, Locale locale) {
        String normalized = Customer.normalizeEmail(email);
        Customer customer = customers.findByEmail(normalized).orElseGet(() -> customers.saveAndFlush(
                Customer.invitedStaff(normalized, passwordEncoder.encode(unguessable()), name, locale, clock.instant())));
        return new Invitation(customer.getId(), tokens.issue(customer.getId(), AccountTokens.Purpose.STAFF_INVITATION));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> invitee(String token) {
        return tokens.peek(AccountTokens.Purpose.STAFF_INVITATION, token);
    }

    @Override
    @Transactional
    public Optional<Long> accept(String token, String rawPassword) {
        return tokens.consume(AccountTokens.Purpose.STAFF_INVITATION, token)
                .flatMap(customers::findById)
                .map(customer -> {
                    customer.changePassword(passwordEncoder.encode(rawPassword));
                    customer.becomeStaff();
                    verification.markVerified(customer);
                    return customer.getId();
                });
    }

    /** Their open sessions end too: a session keeps the role it signed in with. */
    @Override
    @Transactional
    public void leaveStaff(long customerId) {
        customers.findById(customerId).ifPresent(customer -> {
            customer.leaveStaff();
            sessions.ifAvailable(repository -> repository.findByPrincipalName(customer.getEmail()).keySet()
                    .forEach(repository::deleteById));
        });
    }

    /** The password of an account nobody can sign in to before the invitation sets one. */
    private static String unguessable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

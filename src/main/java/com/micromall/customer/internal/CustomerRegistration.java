package com.micromall.customer.internal;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerRegistered;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens a shopper's account and tells the other modules (the outbox records {@link CustomerRegistered}). */
@Service
@RequiredArgsConstructor
public class CustomerRegistration {

    private final CustomerRepository customers;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * @return the new account's principal, ready to be logged in
     * @throws EmailAlreadyRegisteredException also when a parallel registration won the race to
     *         the unique constraint: the loser's transaction is rolled back first, then asked again
     */
    public CustomerPrincipal register(NewCustomer registration) {
        String email = Customer.normalizeEmail(registration.email());
        try {
            return transactions.execute(status -> {
                if (customers.existsByEmail(email)) {
                    throw new EmailAlreadyRegisteredException(email);
                }
                Customer customer = customers.saveAndFlush(Customer.register(email,
                        passwordEncoder.encode(registration.rawPassword()), registration.name(),
                        registration.phone(), registration.wechatId(), registration.locale(), clock.instant()));
                events.publishEvent(new CustomerRegistered(customer.getId(), customer.getName(), customer.getEmail(),
                        customer.getCreatedAt(), Customer.blankToNull(registration.referralCode()),
                        registration.deviceHash(), registration.networkHash()));
                return CustomerAccounts.principalOf(customer);
            });
        } catch (DataIntegrityViolationException e) {
            if (customers.existsByEmail(email)) {
                throw new EmailAlreadyRegisteredException(email);
            }
            throw e;
        }
    }
}

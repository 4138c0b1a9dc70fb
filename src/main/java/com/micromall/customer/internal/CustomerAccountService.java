package com.micromall.customer.internal;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerProfileChanged;
import com.micromall.shared.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A logged-in customer's own profile and password. */
@Service
@RequiredArgsConstructor
public class CustomerAccountService {

    private final CustomerRepository customers;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    /** @return the refreshed principal, so the page header shows the new name at once */
    @Transactional
    public CustomerPrincipal changeProfile(long customerId, String name, @Nullable String phone,
                                           @Nullable String wechatId) {
        Customer customer = load(customerId);
        customer.changeProfile(name, phone, wechatId);
        events.publishEvent(new CustomerProfileChanged(customerId, customer.getName(), customer.getPhone(),
                customer.getWechatId()));
        return CustomerAccounts.principalOf(customer);
    }

    /** @throws WrongPasswordException when {@code currentPassword} is not the account's password */
    @Transactional
    public CustomerPrincipal changePassword(long customerId, String currentPassword, String newPassword) {
        Customer customer = load(customerId);
        if (!passwordEncoder.matches(currentPassword, customer.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        customer.changePassword(passwordEncoder.encode(newPassword));
        return CustomerAccounts.principalOf(customer);
    }

    private Customer load(long customerId) {
        return customers.findById(customerId).orElseThrow(() -> new NotFoundException("No customer " + customerId));
    }
}

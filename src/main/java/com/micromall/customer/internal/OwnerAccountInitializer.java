package com.micromall.customer.internal;

import com.micromall.customer.Role;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the owner's account on first start from {@code micromall.owner.email} and
 * {@code micromall.owner.password} (in production: MICROMALL_OWNER_EMAIL / _PASSWORD). There
 * is no default password outside the demo profile: without both values, no owner is created.
 */
@Component
@Order(0)
@RequiredArgsConstructor
class OwnerAccountInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OwnerAccountInitializer.class);

    private final CustomerRepository customers;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    @Value("${micromall.owner.email:}")
    private String ownerEmail;

    @Value("${micromall.owner.password:}")
    private String ownerPassword;

    @Value("${micromall.owner.name:Owner}")
    private String ownerName;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (ownerEmail.isBlank() || ownerPassword.isBlank()) {
            if (!customers.existsByRole(Role.OWNER)) {
                log.warn("No owner account: set MICROMALL_OWNER_EMAIL and MICROMALL_OWNER_PASSWORD to create one.");
            }
            return;
        }
        if (customers.existsByEmail(Customer.normalizeEmail(ownerEmail))) {
            return;
        }
        customers.save(new Customer(ownerEmail, passwordEncoder.encode(ownerPassword), ownerName, Role.OWNER,
                clock.instant()));
        log.info("Created the owner account {}", Customer.normalizeEmail(ownerEmail));
    }
}

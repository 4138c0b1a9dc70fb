package com.micromall.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerMother;
import com.micromall.support.MicromallTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@MicromallTest
class CustomerRegistrationTests {

    @Autowired
    CustomerRegistration registration;

    @Autowired
    CustomerRepository customers;

    @Autowired
    CustomerAddressRepository addresses;

    @Autowired
    CustomerApi customerApi;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void twoRegistrationsRacingForOneEmailCreateOneAccountAndTellTheOtherItIsTaken() throws Exception {
        String email = CustomerMother.uniqueEmail("race");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String typed = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    registration.register(new NewCustomer("Racer", typed, CustomerMother.PASSWORD, null, null, null,
                            null, Locale.ENGLISH));
                    return "created";
                } catch (EmailAlreadyRegisteredException e) {
                    return "taken";
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).containsOnly("created", "taken").filteredOn("created"::equals).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE email = :email").param("email", email)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void passwordsAreStoredOnlyAsDelegatingEncoderHashes() {
        var principal = CustomerMother.register(registration, "Hash Person");
        String stored = customers.findById(principal.getCustomerId()).orElseThrow().getPasswordHash();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(CustomerMother.PASSWORD);
        assertThat(passwordEncoder.matches(CustomerMother.PASSWORD, stored)).isTrue();
        Customer customer = customers.findById(principal.getCustomerId()).orElseThrow();
        assertThatThrownBy(() -> customer.changePassword("plain text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> customer.changeProfile(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoShoppersAreCreatedOnceEachWithAnAddress() {
        DemoCustomers demo = new DemoCustomers(customers, addresses, passwordEncoder, clock);
        transactions.executeWithoutResult(status -> demo.run(null));
        transactions.executeWithoutResult(status -> demo.run(null));

        for (String email : List.of("anna@demo.micromall", "ben@demo.micromall", "chen@demo.micromall",
                "dina@demo.micromall")) {
            Customer customer = customers.findByEmail(email).orElseThrow();
            assertThat(passwordEncoder.matches("micromall-demo", customer.getPasswordHash())).isTrue();
            assertThat(customerApi.addressesOf(customer.getId())).hasSize(1)
                    .allSatisfy(address -> assertThat(address.isDefault()).isTrue());
        }
        assertThat(customers.findByEmail("anna@demo.micromall").orElseThrow().getName()).isEqualTo("Anna Li");
    }
}

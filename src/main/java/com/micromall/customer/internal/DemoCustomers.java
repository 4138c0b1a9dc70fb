package com.micromall.customer.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo shop's shoppers (embedded default only), created once, each with an address. */
@Component
@Order(20)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoCustomers implements ApplicationRunner {

    static final String PASSWORD = "micromall-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

    private record Demo(String name, String email, String phone, String wechatId, Locale locale, AddressDetails address) {
    }

    private static final List<Demo> DEMO = List.of(
            new Demo("Anna Li", "anna@demo.micromall", "+86 138 0000 0001", "anna_li", Locale.SIMPLIFIED_CHINESE,
                    new AddressDetails("Anna Li", "+86 138 0000 0001", "88 Huaihai Road", "Apt 1203", "Shanghai",
                            "200031", "China")),
            new Demo("Ben Wang", "ben@demo.micromall", "+886 912 000 002", "benwang", Locale.TRADITIONAL_CHINESE,
                    new AddressDetails("Ben Wang", "+886 912 000 002", "12 Zhongshan N. Rd", null, "Taipei",
                            "104", "Taiwan")),
            new Demo("Chen Mei", "chen@demo.micromall", "+852 9000 0003", "chenmei", Locale.ENGLISH,
                    new AddressDetails("Chen Mei", "+852 9000 0003", "5 Nathan Road", "Flat B", "Hong Kong",
                            "999077", "Hong Kong")),
            new Demo("Dina Cruz", "dina@demo.micromall", "+63 917 000 0004", "dinacruz", Locale.forLanguageTag("fil"),
                    new AddressDetails("Dina Cruz", "+63 917 000 0004", "21 Mabini Street", null, "Quezon City",
                            "1100", "Philippines")));

    private final CustomerRepository customers;
    private final CustomerAddressRepository addresses;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean created = false;
        for (Demo demo : DEMO) {
            if (customers.existsByEmail(demo.email())) {
                continue;
            }
            Customer customer = customers.save(Customer.register(demo.email(), passwordEncoder.encode(PASSWORD),
                    demo.name(), demo.phone(), demo.wechatId(), demo.locale(), clock.instant()));
            customer.verifyEmail(clock.instant()); // demo addresses cannot receive mail
            addresses.save(new CustomerAddress(customer.getId(), demo.address(), true));
            created = true;
        }
        if (created) {
            log.info("Demo customers: {} / {}", DEMO.stream().map(Demo::email).toList(), PASSWORD);
        }
    }
}

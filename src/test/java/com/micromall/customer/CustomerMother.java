package com.micromall.customer;

import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.customer.internal.NewCustomer;
import java.util.Locale;
import java.util.UUID;

/** Fresh, uniquely-named customers for tests that share one database. */
public final class CustomerMother {

    public static final String PASSWORD = "correct horse battery";

    private CustomerMother() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static CustomerPrincipal register(CustomerRegistration registration, String name) {
        return registration.register(new NewCustomer(name, uniqueEmail(name.split(" ")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x")),
                PASSWORD, null, null, null, null, Locale.ENGLISH));
    }
}

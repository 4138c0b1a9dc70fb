package com.micromall.customer;

import java.util.Collection;
import lombok.Getter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in account as pages and other modules see it: its id and display name ride along. */
@Getter
public class CustomerPrincipal extends User {

    private final long customerId;
    private final String displayName;

    public CustomerPrincipal(long customerId, String email, String passwordHash, String displayName,
                             Collection<? extends GrantedAuthority> authorities) {
        super(email, passwordHash, authorities);
        this.customerId = customerId;
        this.displayName = displayName;
    }

    public String getEmail() {
        return getUsername();
    }
}

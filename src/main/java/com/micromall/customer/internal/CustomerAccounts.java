package com.micromall.customer.internal;

import com.micromall.customer.CustomerPrincipal;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login looks accounts up by e-mail, whatever its case. */
@Service
@RequiredArgsConstructor
class CustomerAccounts implements UserDetailsService {

    private final CustomerRepository customers;

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        Customer customer = customers.findByEmail(Customer.normalizeEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("No account for that e-mail"));
        return principalOf(customer);
    }

    static CustomerPrincipal principalOf(Customer customer) {
        return new CustomerPrincipal(customer.getId(), customer.getEmail(), customer.getPasswordHash(),
                customer.getName(), List.of(new SimpleGrantedAuthority(customer.getRole().authority())));
    }
}

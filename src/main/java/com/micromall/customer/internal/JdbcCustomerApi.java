package com.micromall.customer.internal;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.CustomerSearch;
import com.micromall.customer.NewAddress;
import com.micromall.customer.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's answers to other modules, read straight from the tables; changes go through the services. */
@Service
@RequiredArgsConstructor
class JdbcCustomerApi implements CustomerApi {

    private static final String SELECT_CUSTOMER =
            "SELECT id, name, email, phone, wechat_id, role, locale, created_at FROM customer";
    private static final String SELECT_ADDRESS = """
            SELECT id, recipient, phone, line1, line2, city, postal_code, country, is_default, last_used_at
            FROM customer_address""";

    private final JdbcClient jdbc;
    private final AddressBook addressBook;
    private final CustomerDirectory directory;

    @Override
    public CustomerSearch.Page search(CustomerSearch search) {
        return directory.search(search);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> find(long customerId) {
        return jdbc.sql(SELECT_CUSTOMER + " WHERE id = :id").param("id", customerId)
                .query((rs, i) -> profile(rs)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerProfile> findAll(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_CUSTOMER + " WHERE id IN (:ids) ORDER BY id").param("ids", customerIds)
                .query((rs, i) -> profile(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> findByEmail(String email) {
        return jdbc.sql(SELECT_CUSTOMER + " WHERE email = :email").param("email", email)
                .query((rs, i) -> profile(rs)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerProfile> withRoles(Collection<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_CUSTOMER + " WHERE role IN (:roles) ORDER BY name, id")
                .param("roles", roles.stream().map(Role::name).toList())
                .query((rs, i) -> profile(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> customersRegisteredSince(Instant since) {
        return jdbc.sql("SELECT id FROM customer WHERE role = 'CUSTOMER' AND created_at >= :since ORDER BY id")
                .param("since", Timestamp.from(since)).query(Long.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isEmailVerified(long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = :id AND email_verified_at IS NOT NULL")
                .param("id", customerId).query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Address> addressesOf(long customerId) {
        return jdbc.sql(SELECT_ADDRESS + " WHERE customer_id = :customer ORDER BY is_default DESC, id")
                .param("customer", customerId).query((rs, i) -> address(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Address> addressOf(long customerId, long addressId) {
        return jdbc.sql(SELECT_ADDRESS + " WHERE customer_id = :customer AND id = :id")
                .param("customer", customerId).param("id", addressId).query((rs, i) -> address(rs)).optional();
    }

    @Override
    @Transactional
    public Optional<Address> rememberAddress(long customerId, NewAddress address) {
        return addressBook.remember(customerId, new AddressDetails(address.recipient(), address.phone(),
                address.line1(), address.line2(), address.city(), address.postalCode(), address.country()));
    }

    @Override
    @Transactional
    public void markAddressUsed(long customerId, long addressId) {
        addressBook.markUsed(customerId, addressId);
    }

    private static CustomerProfile profile(ResultSet rs) throws SQLException {
        return new CustomerProfile(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("wechat_id"), Role.valueOf(rs.getString("role")),
                Locale.forLanguageTag(rs.getString("locale")), rs.getTimestamp("created_at").toInstant());
    }

    private static Address address(ResultSet rs) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return new Address(rs.getLong("id"), rs.getString("recipient"), rs.getString("phone"), rs.getString("line1"),
                rs.getString("line2"), rs.getString("city"), rs.getString("postal_code"), rs.getString("country"),
                rs.getBoolean("is_default"), lastUsed == null ? null : lastUsed.toInstant());
    }
}

package com.micromall.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What other modules may ask about customers. */
public interface CustomerApi {

    Optional<CustomerProfile> find(long customerId);

    List<CustomerProfile> findAll(Collection<Long> customerIds);

    /** The account with exactly this e-mail address, as stored. */
    Optional<CustomerProfile> findByEmail(String email);

    /** Every account holding one of the roles, by name (e.g. who may be assigned a follow-up task). */
    List<CustomerProfile> withRoles(Collection<Role> roles);
    /** The customers (role CUSTOMER) who registered at or after {@code since}, by id, in one query. */
    List<Long> customersRegisteredSince(Instant since);

    /** A page of the owner's customer list (role CUSTOMER only), newest first. */
    CustomerSearch.Page search(CustomerSearch search);

    /** Whether the customer has confirmed their e-mail address (unknown customers are not). */
    boolean isEmailVerified(long customerId);

    /** The customer's saved addresses, default first. */
    List<Address> addressesOf(long customerId);

    /** One of the customer's own addresses; empty if it belongs to someone else. */
    Optional<Address> addressOf(long customerId, long addressId);

    /**
     * Keeps an address the customer just shipped to and marks it as the last used. The same address already in
     * the book is reused rather than saved twice; empty when the book is full.
     */
    Optional<Address> rememberAddress(long customerId, NewAddress address);

    /** Marks one of the customer's own addresses as the last used; someone else's id changes nothing. */
    void markAddressUsed(long customerId, long addressId);
}

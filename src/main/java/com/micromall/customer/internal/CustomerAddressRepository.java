package com.micromall.customer.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CustomerAddressRepository extends JpaRepository<CustomerAddress, Long> {

    List<CustomerAddress> findByCustomerIdOrderByIsDefaultDescIdAsc(long customerId);

    long countByCustomerId(long customerId);

    /** Not a versioned update: shipping to an address must not make an edit open in another tab fail. */
    @Modifying(flushAutomatically = true)
    @Query("update CustomerAddress a set a.lastUsedAt = :at where a.id = :id and a.customerId = :customerId")
    int markUsed(long customerId, long id, Instant at);
}

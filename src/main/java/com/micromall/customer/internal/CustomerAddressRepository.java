package com.micromall.customer.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerAddressRepository extends JpaRepository<CustomerAddress, Long> {

    List<CustomerAddress> findByCustomerIdOrderByIsDefaultDescIdAsc(long customerId);

    long countByCustomerId(long customerId);
}

package com.micromall.order.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRepository extends JpaRepository<Order, Long> {

    Optional<Order> findByNumber(String number);

    Optional<Order> findByNumberAndCustomerId(String number, long customerId);

    Optional<Order> findByCheckoutToken(String checkoutToken);

    boolean existsByNumber(String number);

    List<Order> findByCustomerIdOrderByPlacedAtDescIdDesc(long customerId);

    List<Order> findByStatusAndPlacedAtBefore(OrderStatus status, Instant placedBefore);
}

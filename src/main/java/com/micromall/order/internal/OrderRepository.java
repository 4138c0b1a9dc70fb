package com.micromall.order.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, Long> {

    Optional<Order> findByNumber(String number);

    Optional<Order> findByNumberAndCustomerId(String number, long customerId);

    /** A status move or refund takes the order's row lock first, so a second click sees what the first did. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.number = :number")
    Optional<Order> findForChange(String number);

    Optional<Order> findByCheckoutToken(String checkoutToken);

    boolean existsByNumber(String number);

    List<Order> findByCustomerIdOrderByPlacedAtDescIdDesc(long customerId);

    List<Order> findByStatusAndPlacedAtBefore(OrderStatus status, Instant placedBefore);
}

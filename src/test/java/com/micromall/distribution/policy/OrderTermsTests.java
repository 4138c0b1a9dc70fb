package com.micromall.distribution.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order's terms as the ledger books from them: locked and moved only inside the booking's own transaction (a lock
 * taken and released on its own would let a refund slip in between reading the terms and writing the entries).
 */
@MicromallTest
class OrderTermsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired OrderTerms terms;
    @Autowired TransactionTemplate transactions;

    @Test
    void theTermsAreLockedAndMovedOnlyInsideTheBookingsTransaction() {
        LedgerFixtures fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Terms Anna"));
        TestCustomer ben = fixtures.referredBy(anna, "Terms Ben");
        long tea = fixtures.orders.product(OrderFixtures.unique("Terms Tea"), "40.00", 10);
        long order = fixtures.orderId(fixtures.place(ben, tea, 2));

        assertThatThrownBy(() -> terms.lockedForBooking(order)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> terms.completed(order)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> terms.refundedBeforeCompletion(order, List.of(), false))
                .isInstanceOf(IllegalTransactionStateException.class);

        OrderTerms.Snapshot snapshot = transactions.execute(status -> terms.lockedForBooking(order).orElseThrow());
        assertThat(snapshot.level1()).isEqualTo(anna.id());
        assertThat(snapshot.state()).isEqualTo("PLACED");
        assertThat(terms.lines(order)).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        assertThat(terms.placedAt(List.of(order, -1L))).containsOnlyKeys(order);
        assertThat(terms.expectedFor(anna.id())).isPositive();
    }
}

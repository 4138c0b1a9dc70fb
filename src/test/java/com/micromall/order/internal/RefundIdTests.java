package com.micromall.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.PaymentMethod;
import com.micromall.support.MicromallTest;
import com.micromall.support.Outbox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Each refund is one fact with its own id, so a listener can do its work once per refund. */
@MicromallTest
@RecordApplicationEvents
class RefundIdTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired CheckoutService checkout;
    @Autowired CartService carts;
    @Autowired OrderService orders;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Outbox outbox;
    @Autowired ApplicationEvents events;

    @Test
    void twoPartialRefundsOfOneLineAreTwoRefundsAndTheStoredEventKeepsEachOnesId() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long tea = fixtures.product("Refund Id Tea", "10.00", 10);
        TestCustomer buyer = fixtures.customer("Refund Id Buyer");
        carts.add(CartService.CartKey.customer(buyer.id()), tea, 3);
        String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
        orders.confirmPayment(number, OWNER);
        long line = orders.order(number).lines().get(0).id();

        String firstForm = UUID.randomUUID().toString();
        orders.refund(number, Map.of(line, 1), "dented", OWNER, firstForm);
        orders.refund(number, Map.of(line, 1), "dented too", OWNER, UUID.randomUUID().toString());
        assertThat(orders.refund(number, Map.of(line, 1), "dented", OWNER, firstForm).repeated())
                .as("the first form sent again refunds nothing").isTrue();

        List<OrderRefunded> heard = events.stream(OrderRefunded.class).filter(e -> e.orderNumber().equals(number)).toList();
        assertThat(heard).hasSize(2).allSatisfy(e -> {
            assertThat(e.refundId()).isNotBlank();
            assertThat(e.lines()).singleElement().satisfies(l -> {
                assertThat(l.lineId()).isEqualTo(line);
                assertThat(l.quantity()).isEqualTo(1);
            });
        });
        assertThat(heard.get(0).refundId()).as("two refunds of the same line are two facts")
                .isNotEqualTo(heard.get(1).refundId());

        List<OrderRefunded> stored = outbox.all(OrderRefunded.class, e -> e.orderNumber().equals(number)).stream()
                .map(p -> (OrderRefunded) p.getEvent()).toList();
        assertThat(stored).as("what a restart would deliver again").isNotEmpty();
        assertThat(stored).extracting(OrderRefunded::refundId).as("a redelivered refund is the same fact")
                .containsOnly(heard.get(0).refundId(), heard.get(1).refundId())
                .contains(heard.get(0).refundId(), heard.get(1).refundId());
    }
}

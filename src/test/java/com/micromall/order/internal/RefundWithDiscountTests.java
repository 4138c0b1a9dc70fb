package com.micromall.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.DiscountLine;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The refund base is what was paid after discounts, offered here by a test double of the CheckoutDiscounts SPI. */
@MicromallTest
@RecordApplicationEvents
class RefundWithDiscountTests {

    /** Customers this test gives a 4.00 welcome discount (other tests' checkouts stay undiscounted). */
    static final Set<Long> DISCOUNTED = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class WelcomeDiscount {

        @Bean
        CheckoutDiscounts testWelcomeDiscount() {
            return basket -> DISCOUNTED.contains(basket.customerId())
                    ? List.of(new DiscountLine("welcome", "order.refund.preview", List.of("4.00"),
                            Money.of("4.00", basket.goodsTotal().currency().getCurrencyCode())))
                    : List.of();
        }

        @Bean
        CheckoutDiscounts emptyDiscount() {
            return (CheckoutBasket basket) -> List.of();
        }
    }

    @Autowired CheckoutService checkout;
    @Autowired CartService carts;
    @Autowired OrderService orders;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationEvents events;

    @Test
    void refundingOneOfThreeUnitsReturnsItsShareOfWhatWasPaidAfterTheDiscountAndPublishesIt() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long tea = fixtures.product("Tea", "10.00", 10);
        long cup = fixtures.product("Cup", "10.00", 10);
        TestCustomer buyer = fixtures.customer("Discounted");
        DISCOUNTED.add(buyer.id());
        carts.add(CartService.CartKey.customer(buyer.id()), tea, 3);
        carts.add(CartService.CartKey.customer(buyer.id()), cup, 1);

        String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
        var placed = orders.order(number);
        assertThat(placed.discounts()).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo("welcome"));
        assertThat(placed.lines()).extracting(l -> l.paidAmount().amount().toPlainString()).containsExactly("27.00", "9.00");
        assertThat(events.stream(OrderPlaced.class).filter(e -> e.orderNumber().equals(number))).singleElement()
                .satisfies(e -> assertThat(e.discountTotal()).isEqualTo(Money.of("4.00", "CNY")));

        orders.confirmPayment(number, "owner@demo.micromall");
        long teaLine = placed.lines().get(0).id();
        Money refunded = orders.refund(number, Map.of(teaLine, 1), "One tin arrived dented", "owner@demo.micromall");

        assertThat(refunded).isEqualTo(Money.of("9.00", "CNY"));
        assertThat(events.stream(OrderRefunded.class).filter(e -> e.orderNumber().equals(number))).singleElement()
                .satisfies(e -> {
                    assertThat(e.amount()).isEqualTo(Money.of("9.00", "CNY"));
                    assertThat(e.fullyRefunded()).isFalse();
                    assertThat(e.reason()).isEqualTo("One tin arrived dented");
                    assertThat(e.lines()).singleElement().satisfies(line -> {
                        assertThat(line.lineId()).isEqualTo(teaLine);
                        assertThat(line.productId()).isEqualTo(tea);
                        assertThat(line.quantity()).isEqualTo(1);
                        assertThat(line.amount()).isEqualTo(Money.of("9.00", "CNY"));
                    });
                });
        assertThat(orders.order(number).status()).isEqualTo("PAID");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'order.refund' AND subject = :n")
                .param("n", number).query(Long.class).single()).isEqualTo(1);
    }
}

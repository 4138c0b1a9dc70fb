package com.micromall.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.catalog.ProductApi;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.settings.AuditLog;
import com.micromall.support.MicromallTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@MicromallTest
class CheckoutServiceTests {

    @Autowired CheckoutService checkout;
    @Autowired CartService carts;
    @Autowired OrderService orderService;
    @Autowired OrderRepository orders;
    @Autowired ProductApi products;
    @Autowired AuditLog auditLog;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    private String placeFor(TestCustomer customer) {
        return checkout.place(new CheckoutService.PlaceOrder(customer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
    }

    @Test
    void twentyConcurrentCheckoutsForFiveInStockSellExactlyFive() throws Exception {
        long product = fixtures.product("Scarce", "19.90", 5);
        List<TestCustomer> buyers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestCustomer buyer = fixtures.customer("Buyer " + i);
            carts.add(CartService.CartKey.customer(buyer.id()), product, 1);
            buyers.add(buyer);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (TestCustomer buyer : buyers) {
            results.add(pool.submit((Callable<String>) () -> {
                start.await();
                try {
                    return placeFor(buyer);
                } catch (CheckoutException e) {
                    return e.messageKey();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes.stream().filter(o -> o.startsWith("MM-"))).hasSize(5);
        assertThat(outcomes.stream().filter(o -> o.equals("order.checkout.outOfStock"))).hasSize(15);
        assertThat(fixtures.stock(product)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM order_line WHERE product_id = :p").param("p", product)
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aRefusedReservationRollsEverythingBackAndKeepsTheCart() {
        long plenty = fixtures.product("Plenty", "5.00", 10);
        long scarce = fixtures.product("Scarce", "5.00", 2);
        TestCustomer buyer = fixtures.customer("Rollback");
        carts.add(CartService.CartKey.customer(buyer.id()), plenty, 3);
        carts.add(CartService.CartKey.customer(buyer.id()), scarce, 2);
        jdbc.sql("UPDATE product SET stock = 1 WHERE id = :id").param("id", scarce).update();

        assertThatThrownBy(() -> placeFor(buyer)).isInstanceOf(CheckoutException.class)
                .satisfies(e -> assertThat(((CheckoutException) e).args()).containsExactly(fixtures.productName(scarce)));
        assertThat(fixtures.stock(plenty)).isEqualTo(10);
        assertThat(orders.findByCustomerIdOrderByPlacedAtDescIdDesc(buyer.id())).isEmpty();
        assertThat(carts.items(CartService.CartKey.customer(buyer.id()))).hasSize(2);
    }

    @Test
    void submittingTheSameCheckoutTokenTwicePlacesOneOrder() {
        long product = fixtures.product("Twice", "5.00", 10);
        TestCustomer buyer = fixtures.customer("Double");
        carts.add(CartService.CartKey.customer(buyer.id()), product, 1);
        var command = new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER);

        String first = checkout.place(command);
        carts.add(CartService.CartKey.customer(buyer.id()), product, 1);
        String second = checkout.place(command);

        assertThat(second).isEqualTo(first);
        assertThat(orders.findByCustomerIdOrderByPlacedAtDescIdDesc(buyer.id())).hasSize(1);
        assertThat(fixtures.stock(product)).isEqualTo(9);
    }

    @Test
    void placingStoresTheAddressSnapshotAndEmptiesTheCart() {
        long product = fixtures.product("Snap", "12.50", 10);
        TestCustomer buyer = fixtures.customer("Snapshot");
        long address = fixtures.address(buyer.id());
        carts.add(CartService.CartKey.customer(buyer.id()), product, 2);

        String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(),
                address, null, PaymentMethod.CASH_ON_DELIVERY));
        jdbc.sql("UPDATE customer_address SET line1 = 'Moved' WHERE id = :id").param("id", address).update();

        var order = orderService.orderOf(buyer.id(), number);
        assertThat(number).matches("MM-\\d{6}-[" + OrderNumbers.ALPHABET + "]{6}");
        assertThat(order.shippingAddress()).contains("9 Saved Road").doesNotContain("Moved");
        assertThat(order.status()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.lines()).singleElement().satisfies(l -> assertThat(l.paidAmount().amount()).isEqualByComparingTo("25.00"));
        assertThat(carts.count(CartService.CartKey.customer(buyer.id()))).isZero();
    }

    @Test
    void unpaidOrdersAreCancelledAfterThePaymentTimeoutAndTheirStockComesBack() {
        long product = fixtures.product("Timeout", "3.00", 4);
        TestCustomer buyer = fixtures.customer("Slow payer");
        carts.add(CartService.CartKey.customer(buyer.id()), product, 3);
        String number = placeFor(buyer);
        assertThat(fixtures.stock(product)).isEqualTo(1);

        jobAt(Duration.ofHours(47)).cancelUnpaidOrders();
        assertThat(orderService.order(number).status()).isEqualTo("PENDING_PAYMENT");

        jobAt(Duration.ofHours(49)).cancelUnpaidOrders();
        var order = orderService.order(number);
        assertThat(order.status()).isEqualTo("CANCELLED");
        assertThat(order.history()).last().satisfies(s -> assertThat(s.note()).isEqualTo("PAYMENT_TIMEOUT"));
        assertThat(fixtures.stock(product)).isEqualTo(4);
    }

    @Test
    void aPaidOrderIsNeverCancelledByTheTimeout() {
        long product = fixtures.product("Paid", "3.00", 4);
        TestCustomer buyer = fixtures.customer("Fast payer");
        carts.add(CartService.CartKey.customer(buyer.id()), product, 1);
        String number = placeFor(buyer);
        orderService.confirmPayment(number, "owner@demo.micromall");

        jobAt(Duration.ofDays(30)).cancelUnpaidOrders();

        assertThat(orderService.order(number).status()).isEqualTo("PAID");
        assertThat(fixtures.stock(product)).isEqualTo(3);
    }

    private OrderService jobAt(Duration later) {
        return new OrderService(orders, products, auditLog, events, Clock.offset(clock, later), transactions);
    }
}

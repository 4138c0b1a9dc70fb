package com.micromall.order.internal;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.order.PaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo shop's orders in various states, for the demo customers the customer module's demo data
 * creates (runs after the catalog's and customers' demo runners). Only the demo customers' and
 * products' ids are looked up here by SQL, because the published APIs have no lookup by e-mail or
 * listing of products; everything else goes through the order services like a real checkout.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    private static final String OWNER = "owner@demo.micromall";

    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final ProductApi catalog;
    private final CartService carts;
    private final CheckoutService checkout;
    private final OrderService orders;

    @Override
    public void run(ApplicationArguments args) {
        try {
            create();
        } catch (RuntimeException e) {
            log.warn("Demo orders were not created: {}", e.getMessage());
        }
    }

    private void create() {
        if (jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_email LIKE '%@demo.micromall'")
                .query(Long.class).single() > 0) {
            return;
        }
        Optional<Long> anna = customer("anna@demo.micromall");
        Optional<Long> ben = customer("ben@demo.micromall");
        Optional<Long> chen = customer("chen@demo.micromall");
        Optional<Long> dina = customer("dina@demo.micromall");
        List<Long> products = catalog.onSaleByName().stream().filter(p -> p.stock() >= 5).map(ProductSummary::id)
                .sorted().limit(6).toList();
        if (anna.isEmpty() || ben.isEmpty() || chen.isEmpty() || dina.isEmpty() || products.size() < 3) {
            log.info("Demo orders skipped: the demo customers or products are missing");
            return;
        }
        long p1 = products.get(0);
        long p2 = products.get(1);
        long p3 = products.get(2);

        String completed = place(anna.get(), Map.of(p1, 2L, p2, 1L), PaymentMethod.BANK_TRANSFER);
        orders.confirmPayment(completed, OWNER);
        orders.ship(completed, OWNER, "SF Express SF1234567890");
        orders.complete(completed, OWNER);
        // A second completed order of Anna's, so the satisfaction demo has an answer of each kind.
        String annasSecond = place(anna.get(), Map.of(p3, 1L), PaymentMethod.DEMO_INSTANT);
        orders.ship(annasSecond, OWNER, "SF Express SF1234567891");
        orders.complete(annasSecond, OWNER);

        String shipped = place(ben.get(), Map.of(p2, 1L), PaymentMethod.CASH_ON_DELIVERY);
        orders.confirmPayment(shipped, OWNER);
        orders.ship(shipped, OWNER, "YTO 8800112233");

        // Chen came through Anna's link: a completed first order gives Anna a frozen commission to look at.
        String chens = place(chen.get(), Map.of(p3, 1L, p1, 1L), PaymentMethod.DEMO_INSTANT);
        orders.ship(chens, OWNER, "ZTO 7300445566");
        orders.complete(chens, OWNER);
        place(dina.get(), Map.of(p1, 1L), PaymentMethod.BANK_TRANSFER);
        // Dina came through Ben's link and Ben takes his rewards as points: this one earns him commission paid as points.
        String dinas = place(dina.get(), Map.of(p2, 2L), PaymentMethod.DEMO_INSTANT);
        orders.ship(dinas, OWNER, "ZTO 7300445577");
        orders.complete(dinas, OWNER);

        String cancelled = place(anna.get(), Map.of(p3, 1L), PaymentMethod.BANK_TRANSFER);
        orders.cancelByCustomer(anna.get(), cancelled);

        String refunded = place(ben.get(), Map.of(p1, 3L), PaymentMethod.BANK_TRANSFER);
        orders.confirmPayment(refunded, OWNER);
        long line = orders.order(refunded).lines().get(0).id();
        orders.refund(refunded, Map.of(line, 1), "One item arrived damaged", OWNER);
        log.info("Demo orders created for anna, ben, chen and dina @demo.micromall");
    }

    /** Each customer ships to their own street: shared addresses would put the sharers' commission on hold. */
    private String place(long customerId, Map<Long, Long> quantities, PaymentMethod method) {
        quantities.forEach((product, quantity) ->
                carts.add(CartService.CartKey.customer(customerId), product, quantity.intValue()));
        return checkout.place(new CheckoutService.PlaceOrder(customerId, UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("Demo Recipient", "+86 138 0013 8000", customerId + " Demo Street", null,
                        "Shanghai", "200000", "China"), method));
    }

    private Optional<Long> customer(String email) {
        return customers.findByEmail(email).map(CustomerProfile::id);
    }
}

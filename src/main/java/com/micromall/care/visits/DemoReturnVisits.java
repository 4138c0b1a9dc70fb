package com.micromall.care.visits;

import com.micromall.customer.CustomerApi;
import com.micromall.order.OrderHistory;
import com.micromall.settings.ShopTime;
import java.sql.Date;
import java.util.Comparator;
import java.util.Optional;
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
 * The demo shop's first product gets a return-visit plan, and Anna's completed order of it one overdue visit and one
 * due this week (set on those days rather than months ahead, so the due list has something to show). Runs after the
 * demo orders (30).
 */
@Component
@Order(41)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoReturnVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReturnVisits.class);

    private final VisitPlans plans;
    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final OrderHistory orders;
    private final ShopTime shopTime;

    @Override
    public void run(ApplicationArguments args) {
        try {
            create();
        } catch (RuntimeException e) {
            log.warn("Demo return visits were not created: {}", e.getMessage());
        }
    }

    private void create() {
        if (jdbc.sql("SELECT COUNT(*) FROM care_visit_plan").query(Long.class).single() > 0) {
            return;
        }
        record DemoOrder(long orderId, String number, long customerId, long productId, String productName) {
        }
        // Demo data only: the first line of Anna's first completed order.
        Optional<DemoOrder> order = customers.findByEmail("anna@demo.micromall").flatMap(anna ->
                orders.placedOrdersOf(anna.id()).stream()
                        .filter(o -> o.status().equals("COMPLETED") && !o.lines().isEmpty())
                        .min(Comparator.comparingLong(OrderHistory.PlacedOrder::id))
                        .map(o -> new DemoOrder(o.id(), o.number(), anna.id(), o.lines().get(0).productId(),
                                o.lines().get(0).productName())));
        if (order.isEmpty()) {
            return;
        }
        DemoOrder o = order.get();
        String description = "Free maintenance check";
        plans.save(new VisitPlans.Plan(o.productId(), 3, 4, description), "owner@demo.micromall");
        int round = 1;
        for (int days : new int[] {-5, 3}) {
            jdbc.sql("""
                            INSERT INTO care_visit (customer_id, order_id, order_number, product_id, product_name,
                                                    description, sequence, due_on)
                            VALUES (:c, :o, :n, :p, :name, :d, :s, :due)""")
                    .param("c", o.customerId()).param("o", o.orderId()).param("n", o.number()).param("p", o.productId())
                    .param("name", o.productName()).param("d", description).param("s", round++)
                    .param("due", Date.valueOf(shopTime.today().plusDays(days))).update();
        }
        log.info("Demo return visits: a plan on product {}, an overdue and a due visit for Anna", o.productId());
    }
}

package com.micromall.care.staff;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.StaffAccounts;
import com.micromall.order.OrderHistory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Locale;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo shop's staff member (embedded default only): staff@demo.micromall / micromall-demo, who has signed up
 * Dina as a customer and whose code her latest order carries; the shop pays staff 3 % commission. Runs after the demo orders (30).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoStaff implements ApplicationRunner {

    static final String EMAIL = "staff@demo.micromall";
    static final String PASSWORD = "micromall-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private record DemoOrder(long id, String number, long customerId, String currency, BigDecimal total, Timestamp placedAt) {
    }

    private final StaffRoster roster;
    private final StaffAccounts accounts;
    private final StaffAttribution attribution;
    private final StaffCommissionRate commissionRate;
    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final OrderHistory orders;
    private final TransactionTemplate transactions;

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM care_staff WHERE email = :e").param("e", EMAIL).query(Long.class).single() > 0) {
            return;
        }
        StaffAccounts.Invitation invitation = transactions.execute(status -> roster.enlist(EMAIL, "Sam Santos", Locale.ENGLISH));
        accounts.accept(invitation.token(), PASSWORD);
        String code = jdbc.sql("SELECT code FROM care_staff WHERE email = :e").param("e", EMAIL).query(String.class).single();
        // Demo data only: Dina's newest order, as if she had typed the code at checkout (the live path).
        Optional<DemoOrder> dinas = customers.findByEmail("dina@demo.micromall").flatMap(dina ->
                orders.placedOrdersOf(dina.id()).stream().findFirst().map(o -> new DemoOrder(o.id(), o.number(),
                        dina.id(), o.total().currency().getCurrencyCode(), o.total().amount(),
                        Timestamp.from(o.placedAt()))));
        dinas.ifPresent(order -> {
            attribution.attributeCustomer(order.customerId(), code, StaffAttribution.Source.ORDER);
            jdbc.sql("""
                    INSERT INTO care_staff_order (order_id, order_number, customer_id, staff_id, code, currency, total, placed_at)
                    SELECT :order, :number, :customer, id, code, :currency, :total, :at FROM care_staff WHERE code = :code""")
                    .param("order", order.id()).param("number", order.number()).param("customer", order.customerId())
                    .param("currency", order.currency()).param("total", order.total()).param("at", order.placedAt())
                    .param("code", code).update();
        });
        // Orders placed from now on with the demo member's code earn them 3 % of the goods paid.
        commissionRate.change(new BigDecimal("3"), "demo");
        log.info("Demo staff: {} / {} with code {}", EMAIL, PASSWORD, code);
    }
}

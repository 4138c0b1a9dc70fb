package com.micromall.care.staff;

import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderRefunded;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A staff member's revenue follows their orders: a cancelled order brings nothing, a refund takes its amount back. */
@Component
@RequiredArgsConstructor
class StaffOrderListeners {

    private final JdbcClient jdbc;

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        jdbc.sql("UPDATE care_staff_order SET cancelled = TRUE WHERE order_id = :order")
                .param("order", event.orderId()).update();
    }

    /** Kept by refund id, so the same refund heard twice counts once; orders nobody is attributed are skipped. */
    @ApplicationModuleListener
    void on(OrderRefunded event) {
        String refundId = event.refundId() != null ? event.refundId() : event.orderNumber() + "@" + event.refundedAt();
        jdbc.sql("""
                INSERT INTO care_staff_refund (refund_id, order_id, amount)
                SELECT :refund, order_id, :amount FROM care_staff_order WHERE order_id = :order
                AND NOT EXISTS (SELECT 1 FROM care_staff_refund WHERE refund_id = :refund)""")
                .param("refund", refundId).param("amount", event.amount().amount()).param("order", event.orderId())
                .update();
    }
}

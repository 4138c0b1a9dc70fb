package com.micromall.order.internal;

import com.micromall.catalog.ProductApi;
import com.micromall.order.OrderCancelled.CancelReason;
import com.micromall.settings.AuditLog;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Moves orders through their status machine for customers, the owner and the clock. */
@Service
@RequiredArgsConstructor
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final ProductApi products;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    /** Half the cancel job's lock ceiling: an order's cancellation started just before it still fits. */
    private static final Duration CANCEL_RUN_BUDGET = Duration.ofMinutes(1);

    @Value("${micromall.orders.payment-timeout:PT48H}")
    private Duration paymentTimeout = Duration.ofHours(48);

    @Transactional(readOnly = true)
    public List<OrderViews.Summary> ordersOf(long customerId) {
        return orders.findByCustomerIdOrderByPlacedAtDescIdDesc(customerId).stream().map(OrderViews::summary).toList();
    }

    /** The customer's own order; someone else's is "not found" (never "forbidden"). */
    @Transactional(readOnly = true)
    public OrderViews.Detail orderOf(long customerId, String number) {
        return OrderViews.detail(orders.findByNumberAndCustomerId(number, customerId)
                .orElseThrow(() -> new NotFoundException("No order " + number + " for this customer")));
    }

    @Transactional(readOnly = true)
    public OrderViews.Detail order(String number) {
        return OrderViews.detail(find(number));
    }

    @Transactional
    public void cancelByCustomer(long customerId, String number) {
        Order order = orders.findByNumberAndCustomerId(number, customerId)
                .orElseThrow(() -> new NotFoundException("No order " + number + " for this customer"));
        cancel(order, "customer:" + customerId, CancelReason.CUSTOMER);
    }

    @Transactional
    public void cancelByOwner(String number, String owner) {
        cancel(find(number), owner, CancelReason.OWNER);
        auditLog.record(owner, "order.cancel", number, "PENDING_PAYMENT", "CANCELLED");
    }

    @Transactional
    public void confirmPayment(String number, String owner) {
        change(number, order -> order.markPaid(owner, clock.instant()));
        auditLog.record(owner, "order.confirmPayment", number, "PENDING_PAYMENT", "PAID");
    }

    @Transactional
    public void ship(String number, String owner, String trackingNote) {
        change(number, order -> order.ship(owner, trackingNote, clock.instant()));
        auditLog.record(owner, "order.ship", number, "PAID", "SHIPPED");
    }

    @Transactional
    public void complete(String number, String owner) {
        change(number, order -> order.complete(owner, clock.instant()));
        auditLog.record(owner, "order.complete", number, "SHIPPED", "COMPLETED");
    }

    @Transactional(readOnly = true)
    public Money previewRefund(String number, Map<Long, Integer> quantities) {
        return find(number).previewRefund(quantities);
    }

    /** Refunds the given units (order line id → quantity); returns the amount going back. */
    @Transactional
    public Money refund(String number, Map<Long, Integer> quantities, String reason, String owner) {
        Order order = find(number);
        Money amount = order.refund(quantities, reason, owner, clock.instant());
        save(order);
        auditLog.record(owner, "order.refund", number, null, amount + " " + quantities + " " + reason);
        return amount;
    }

    /**
     * Cancels orders still unpaid after the payment timeout and puts their stock back. Each order
     * in its own transaction, so one failure does not keep the others reserved. A run stops starting
     * new ones after {@link #CANCEL_RUN_BUDGET}, inside its lock's ceiling; the next run cancels the rest.
     */
    @Scheduled(fixedDelayString = "${micromall.orders.cancel-check-interval:PT10M}")
    @SchedulerLock(name = "cancelUnpaidOrders", lockAtMostFor = "PT2M")
    public void cancelUnpaidOrders() {
        Instant start = clock.instant();
        Instant deadline = start.minus(paymentTimeout);
        List<Long> due = orders.findByStatusAndPlacedAtBefore(OrderStatus.PENDING_PAYMENT, deadline).stream()
                .map(Order::getId).toList();
        int cancelled = 0;
        for (Long id : due) {
            if (Duration.between(start, clock.instant()).compareTo(CANCEL_RUN_BUDGET) >= 0) {
                log.info("Cancelling unpaid orders stopped after {} to keep within its lock; the next run carries on",
                        CANCEL_RUN_BUDGET);
                break;
            }
            try {
                Boolean done = transactions.execute(status -> {
                    Order order = orders.findById(id).orElseThrow();
                    if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
                        return false;
                    }
                    cancel(order, "system", CancelReason.PAYMENT_TIMEOUT);
                    return true;
                });
                cancelled += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not cancel unpaid order {}: {}", id, e.getMessage());
            }
        }
        if (cancelled > 0) {
            log.info("Cancelled {} orders unpaid for more than {}", cancelled, paymentTimeout);
        }
    }

    private void cancel(Order order, String actor, CancelReason reason) {
        order.cancel(actor, reason, clock.instant());
        order.reservedQuantities().forEach(products::releaseStock);
        save(order);
    }

    private void change(String number, Consumer<Order> move) {
        Order order = find(number);
        move.accept(order);
        save(order);
    }

    private void save(Order order) {
        orders.saveAndFlush(order);
        order.releaseEvents().forEach(events::publishEvent);
    }

    private Order find(String number) {
        return orders.findByNumber(number).orElseThrow(() -> new NotFoundException("No order " + number));
    }
}

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
import java.util.Optional;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
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
        Order order = orders.findForChange(number).filter(o -> o.getCustomerId() == customerId)
                .orElseThrow(() -> new NotFoundException("No order " + number + " for this customer"));
        if (order.getStatus() != OrderStatus.CANCELLED) {
            cancel(order, "customer:" + customerId, CancelReason.CUSTOMER);
        }
    }

    @Transactional
    public boolean cancelByOwner(String number, String owner) {
        Order order = findForChange(number);
        if (order.getStatus() == OrderStatus.CANCELLED) {
            return false;
        }
        cancel(order, owner, CancelReason.OWNER);
        auditLog.record(owner, "order.cancel", number, "PENDING_PAYMENT", "CANCELLED");
        return true;
    }

    /**
     * The owner's status moves. Each returns false when the order already has the status asked for (the same
     * form sent twice): then nothing changes, no event and no audit line.
     */
    @Transactional
    public boolean confirmPayment(String number, String owner) {
        if (!change(number, OrderStatus.PAID, order -> order.markPaid(owner, clock.instant()))) {
            return false;
        }
        auditLog.record(owner, "order.confirmPayment", number, "PENDING_PAYMENT", "PAID");
        return true;
    }

    @Transactional
    public boolean ship(String number, String owner, String trackingNote) {
        if (!change(number, OrderStatus.SHIPPED, order -> order.ship(owner, trackingNote, clock.instant()))) {
            return false;
        }
        auditLog.record(owner, "order.ship", number, "PAID", "SHIPPED");
        return true;
    }

    @Transactional
    public boolean complete(String number, String owner) {
        if (!change(number, OrderStatus.COMPLETED, order -> order.complete(owner, clock.instant()))) {
            return false;
        }
        auditLog.record(owner, "order.complete", number, "SHIPPED", "COMPLETED");
        return true;
    }

    @Transactional(readOnly = true)
    public Money previewRefund(String number, Map<Long, Integer> quantities) {
        return find(number).previewRefund(quantities);
    }

    /** What a refund gave back; {@code repeated} when its form had already been sent, so nothing new went back. */
    public record Refund(Money amount, boolean repeated) {
    }

    /** Refunds the given units (order line id → quantity) that no form asked for (demo data); returns the amount. */
    @Transactional
    public Money refund(String number, Map<Long, Integer> quantities, String reason, String owner) {
        return refund(number, quantities, reason, owner, null).amount();
    }

    /**
     * Refunds the given units once per {@code requestToken}, the one-time token of the owner's refund form: the
     * order's row is locked first, so the same form sent twice - one after the other or at once - refunds once.
     */
    @Transactional
    public Refund refund(String number, Map<Long, Integer> quantities, String reason, String owner,
                         @Nullable String requestToken) {
        Order order = findForChange(number);
        if (requestToken != null) {
            Optional<Money> already = order.refundedBy(requestToken);
            if (already.isPresent()) {
                return new Refund(already.get(), true);
            }
        }
        Money amount = order.refund(quantities, reason, owner, requestToken, clock.instant());
        save(order);
        auditLog.record(owner, "order.refund", number, null, (amount + " " + reason).strip());
        return new Refund(amount, false);
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

    private boolean change(String number, OrderStatus target, Consumer<Order> move) {
        Order order = findForChange(number);
        if (order.getStatus() == target) {
            return false;
        }
        move.accept(order);
        save(order);
        return true;
    }

    private Order findForChange(String number) {
        return orders.findForChange(number).orElseThrow(() -> new NotFoundException("No order " + number));
    }

    private void save(Order order) {
        orders.saveAndFlush(order);
        order.releaseEvents().forEach(events::publishEvent);
    }

    private Order find(String number) {
        return orders.findByNumber(number).orElseThrow(() -> new NotFoundException("No order " + number));
    }
}

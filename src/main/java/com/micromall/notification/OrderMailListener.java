package com.micromall.notification;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderPaid;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.OrderShipped;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the customer about their order. Runs asynchronously after the order's transaction has
 * committed, so a slow or absent mail server never blocks or breaks checkout; a failed send
 * leaves the event publication incomplete for {@link com.micromall.shared.EventPublicationJobs}. Each mail is
 * sent once per order event however often the event is delivered (see {@link CustomerMailer}).
 */
@Component
@RequiredArgsConstructor
class OrderMailListener {

    private static final Logger log = LoggerFactory.getLogger(OrderMailListener.class);

    private final CustomerApi customers;
    private final OrderMails mails;
    private final CustomerMailer mailer;

    @ApplicationModuleListener
    void sendOrderConfirmation(OrderPlaced event) {
        send(event.customerId(), event.orderNumber(), "order-placed", c -> mails.placed(event, c));
    }

    @ApplicationModuleListener
    void sendPaymentReceived(OrderPaid event) {
        send(event.customerId(), event.orderNumber(), "order-paid", c -> mails.paid(event, c));
    }

    @ApplicationModuleListener
    void sendShipped(OrderShipped event) {
        send(event.customerId(), event.orderNumber(), "order-shipped", c -> mails.shipped(event, c));
    }

    @ApplicationModuleListener
    void sendCompleted(OrderCompleted event) {
        send(event.customerId(), event.orderNumber(), "order-completed", c -> mails.completed(event, c));
    }

    @ApplicationModuleListener
    void sendCancelled(OrderCancelled event) {
        send(event.customerId(), event.orderNumber(), "order-cancelled", c -> mails.cancelled(event, c));
    }

    @ApplicationModuleListener
    void sendRefunded(OrderRefunded event) {
        // An order can be refunded in parts: each refund, named by its time, gets its own mail.
        send(event.customerId(), event.orderNumber() + "/" + event.refundedAt(), "order-refunded",
                c -> mails.refunded(event, c));
    }

    private void send(long customerId, String eventKey, String kind, Function<CustomerProfile, RenderedMail> compose) {
        customers.find(customerId).ifPresentOrElse(
                customer -> mailer.sendOnce(eventKey, kind, customer, compose.apply(customer)),
                // Retrying cannot make a missing customer appear: complete the publication.
                () -> log.warn("No customer {} for the {} mail for {}: nothing sent", customerId, kind, eventKey));
    }
}

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
 * leaves the event publication incomplete for {@link com.micromall.shared.EventPublicationJobs}.
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
        send(event.customerId(), "order confirmation for " + event.orderNumber(), c -> mails.placed(event, c));
    }

    @ApplicationModuleListener
    void sendPaymentReceived(OrderPaid event) {
        send(event.customerId(), "payment mail for " + event.orderNumber(), c -> mails.paid(event, c));
    }

    @ApplicationModuleListener
    void sendShipped(OrderShipped event) {
        send(event.customerId(), "shipping mail for " + event.orderNumber(), c -> mails.shipped(event, c));
    }

    @ApplicationModuleListener
    void sendCompleted(OrderCompleted event) {
        send(event.customerId(), "completion mail for " + event.orderNumber(), c -> mails.completed(event, c));
    }

    @ApplicationModuleListener
    void sendCancelled(OrderCancelled event) {
        send(event.customerId(), "cancellation mail for " + event.orderNumber(), c -> mails.cancelled(event, c));
    }

    @ApplicationModuleListener
    void sendRefunded(OrderRefunded event) {
        send(event.customerId(), "refund mail for " + event.orderNumber(), c -> mails.refunded(event, c));
    }

    private void send(long customerId, String what, Function<CustomerProfile, RenderedMail> compose) {
        customers.find(customerId).ifPresentOrElse(
                customer -> mailer.send(customer, compose.apply(customer), what),
                // Retrying cannot make a missing customer appear: complete the publication.
                () -> log.warn("No customer {} for the {}: nothing sent", customerId, what));
    }
}

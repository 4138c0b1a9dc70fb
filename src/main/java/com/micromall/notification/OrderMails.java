package com.micromall.notification;

import com.micromall.customer.CustomerProfile;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderPaid;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.OrderShipped;
import com.micromall.order.RefundedLine;
import com.micromall.settings.PaymentInstructions;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Composes the mail for each order event: what the customer needs to know, in their language. */
@Component
class OrderMails {

    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final PaymentInstructionsService paymentInstructions;
    private final ShareSection shareSection;
    private final String baseUrl;

    OrderMails(MailRenderer renderer, ShopSettingsService shopSettings, PaymentInstructionsService paymentInstructions,
               ShareSection shareSection, @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.paymentInstructions = paymentInstructions;
        this.shareSection = shareSection;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    RenderedMail placed(OrderPlaced order, CustomerProfile customer) {
        Map<String, Object> model = model(customer, order.orderNumber());
        model.put("lines", order.lines());
        model.put("goodsTotal", order.goodsTotal());
        model.put("discountTotal", order.discountTotal());
        model.put("shippingFee", order.shippingFee());
        model.put("total", order.total());
        model.put("paymentMethod", order.paymentMethod().name());
        // The owner's instructions as they are when the mail goes out; only manual methods have any,
        // so an order paid on placement is never asked to pay.
        PaymentInstructions instructions = paymentInstructions.forMethod(order.paymentMethod().name()).orElse(null);
        model.put("paymentText", instructions == null ? null : instructions.textFor(order.orderNumber()));
        model.put("paymentQrUrl", instructions == null || instructions.qrPath() == null ? null
                : baseUrl + instructions.qrPath());
        return renderWithShare("order-placed", customer, "mail.subject.placed", order.orderNumber(), model);
    }

    RenderedMail paid(OrderPaid order, CustomerProfile customer) {
        return render("order-paid", customer, "mail.subject.paid", order.orderNumber(),
                model(customer, order.orderNumber()));
    }

    RenderedMail shipped(OrderShipped order, CustomerProfile customer) {
        Map<String, Object> model = model(customer, order.orderNumber());
        String note = order.trackingNote();
        model.put("trackingNote", note == null || note.isBlank() ? null : note.strip());
        return render("order-shipped", customer, "mail.subject.shipped", order.orderNumber(), model);
    }

    RenderedMail completed(OrderCompleted order, CustomerProfile customer) {
        return renderWithShare("order-completed", customer, "mail.subject.completed", order.orderNumber(),
                model(customer, order.orderNumber()));
    }

    RenderedMail cancelled(OrderCancelled order, CustomerProfile customer) {
        Map<String, Object> model = model(customer, order.orderNumber());
        model.put("reason", order.reason().name());
        return render("order-cancelled", customer, "mail.subject.cancelled", order.orderNumber(), model);
    }

    RenderedMail refunded(OrderRefunded order, CustomerProfile customer) {
        Map<String, Object> model = model(customer, order.orderNumber());
        model.put("amount", order.amount());
        model.put("fullyRefunded", order.fullyRefunded());
        model.put("itemCount", order.lines().stream().mapToInt(RefundedLine::quantity).sum());
        model.put("reason", order.reason() == null || order.reason().isBlank() ? null : order.reason().strip());
        return render("order-refunded", customer, "mail.subject.refunded", order.orderNumber(), model);
    }

    private Map<String, Object> model(CustomerProfile customer, String orderNumber) {
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", customer.name());
        model.put("orderNumber", orderNumber);
        model.put("orderUrl", baseUrl + "/orders/" + orderNumber);
        model.put("shopUrl", baseUrl + "/");
        return model;
    }

    private RenderedMail render(String template, CustomerProfile customer, String subjectKey, String orderNumber,
                                Map<String, Object> model) {
        ShopSettings shop = shopSettings.current();
        return renderer.render(template, customer.locale(), shop, subjectKey, new Object[] {orderNumber}, model);
    }

    /**
     * With the buyer's own share link, QR code and the friend's benefit when the buyer can share ("ask right after a
     * purchase", DESIGN.md): only the buyer's own link, nothing about whoever invited them.
     */
    private RenderedMail renderWithShare(String template, CustomerProfile customer, String subjectKey,
                                         String orderNumber, Map<String, Object> model) {
        Optional<ShareSection.Share> share = shareSection.of(customer);
        share.ifPresent(s -> s.addTo(model));
        return renderer.render(template, customer.locale(), shopSettings.current(), subjectKey,
                new Object[] {orderNumber}, model, share.map(ShareSection.Share::images).orElse(List.of()));
    }
}

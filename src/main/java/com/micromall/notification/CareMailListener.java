package com.micromall.notification;

import com.micromall.care.VisitReminderDue;
import com.micromall.customer.CustomerApi;
import com.micromall.settings.ShopSettingsService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the customer what the shop's care for them announces: a return visit a few days ahead, with their share card
 * when care says a happy visit asks for it.
 */
@Component
class CareMailListener {

    private static final Logger log = LoggerFactory.getLogger(CareMailListener.class);

    private final CustomerApi customers;
    private final CustomerMailer mailer;
    private final ShareSection shareSection;
    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final String baseUrl;

    CareMailListener(CustomerApi customers, CustomerMailer mailer, MailRenderer renderer,
                     ShopSettingsService shopSettings, ShareSection shareSection,
                     @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.customers = customers;
        this.mailer = mailer;
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.shareSection = shareSection;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void sendVisitReminder(VisitReminderDue event) {
        customers.find(event.customerId()).ifPresentOrElse(customer -> {
            Map<String, Object> model = new HashMap<>();
            model.put("customerName", customer.name());
            model.put("productName", event.productName());
            model.put("description", event.description());
            model.put("dueAt", event.dueAt());
            model.put("actionUrl", baseUrl + "/orders");
            List<RenderedMail.InlineImage> images = event.withShareCard() ? shareSection.putInto(model, customer)
                    : List.of();
            RenderedMail mail = renderer.render("visit-reminder", customer.locale(), shopSettings.current(),
                    "mail.subject.visitReminder", new Object[] {event.description()}, model, images);
            mailer.sendOnce("visit/" + event.visitId(), "visit-reminder", customer, mail);
        }, () -> log.warn("No customer {} for the reminder of visit {}: nothing sent", event.customerId(), event.visitId()));
    }
}

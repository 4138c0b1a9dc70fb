package com.micromall.notification;

import com.micromall.care.StaffInvitationMailRequested;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.settings.ShopSettingsService;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * The invitation to join the shop's staff, with its single-use link. Like the account links it carries a raw token,
 * so it stays out of the event outbox and is heard off the request thread.
 */
@Component
class StaffMailListener {

    private static final Logger log = LoggerFactory.getLogger(StaffMailListener.class);

    private final CustomerApi customers;
    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final CustomerMailer mailer;
    private final String baseUrl;

    StaffMailListener(CustomerApi customers, MailRenderer renderer, ShopSettingsService shopSettings,
                      CustomerMailer mailer, @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.customers = customers;
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.mailer = mailer;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Async
    @EventListener
    void sendInvitation(StaffInvitationMailRequested event) {
        CustomerProfile invitee = customers.find(event.customerId()).orElse(null);
        if (invitee == null) {
            log.warn("No account {} for the staff invitation: nothing sent", event.customerId());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", invitee.name());
        model.put("actionUrl", baseUrl + "/staff/invitation?token=" + event.token());
        model.put("loginUrl", baseUrl + "/login");
        try {
            mailer.send(invitee, renderer.render("care-staff-invitation", invitee.locale(), shopSettings.current(),
                    "mail.subject.staffInvitation", new Object[0], model), "staff invitation");
        } catch (MailNotSentException e) {
            log.warn("The staff invitation for account {} was not sent and is not retried; the owner can invite again",
                    event.customerId());
        }
    }
}

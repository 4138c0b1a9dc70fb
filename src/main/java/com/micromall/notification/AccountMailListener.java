package com.micromall.notification;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.PasswordResetMailRequested;
import com.micromall.customer.RegistrationWithTakenEmailAttempted;
import com.micromall.customer.VerificationMailRequested;
import com.micromall.settings.ShopSettings;
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
 * Mails about the account itself: a password reset link, an address verification link, a warning that someone
 * registered with the customer's address. The link events carry a raw token, so they stay out of the event outbox
 * (a lost mail is not retried; the customer asks again) and are heard off the request thread, so the page answers
 * as fast whether a mail goes out or not.
 */
@Component
class AccountMailListener {

    private static final Logger log = LoggerFactory.getLogger(AccountMailListener.class);

    /** What the owner's mail log shows instead of an account link's token. */
    static final String WITHHELD = "WITHHELD";

    private final CustomerApi customers;
    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final CustomerMailer mailer;
    private final String baseUrl;

    AccountMailListener(CustomerApi customers, MailRenderer renderer, ShopSettingsService shopSettings,
                        CustomerMailer mailer, @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.customers = customers;
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.mailer = mailer;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Async
    @EventListener
    void sendPasswordResetLink(PasswordResetMailRequested event) {
        send(event.customerId(), "password reset link", "account-password-reset", "mail.subject.passwordReset",
                baseUrl + "/password/reset?token=", event.token());
    }

    @Async
    @EventListener
    void sendVerificationLink(VerificationMailRequested event) {
        send(event.customerId(), "verification link", "account-verify", "mail.subject.verify",
                baseUrl + "/verify?token=", event.token());
    }

    @Async
    @EventListener
    void warnAboutRegistrationAttempt(RegistrationWithTakenEmailAttempted event) {
        send(event.customerId(), "registration attempt warning", "account-registration-attempt",
                "mail.subject.registrationAttempt", baseUrl + "/password/forgot", "");
    }

    /**
     * @param token the secret the link carries, appended to {@code actionUrl}; the owner's mail log gets the mail
     *              with {@link #WITHHELD} in its place, so no usable link is stored
     */
    private void send(long customerId, String what, String template, String subjectKey, String actionUrl, String token) {
        CustomerProfile customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            log.warn("No customer {} for the {}: nothing sent", customerId, what);
            return;
        }
        try {
            mailer.sendUnretried(template, customer, render(customer, template, subjectKey, actionUrl + token),
                    render(customer, template, subjectKey, actionUrl + (token.isEmpty() ? "" : WITHHELD)), what);
        } catch (MailNotSentException e) {
            // Nothing retries a link mail (its token is not kept): said for each one, so the owner can tell the customer.
            log.warn("The {} for customer {} was not sent and is not retried; the customer can ask for a new one",
                    what, customerId);
        }
    }

    private RenderedMail render(CustomerProfile customer, String template, String subjectKey, String actionUrl) {
        ShopSettings shop = shopSettings.current();
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", customer.name());
        model.put("actionUrl", actionUrl);
        model.put("loginUrl", baseUrl + "/login");
        return renderer.render(template, customer.locale(), shop, subjectKey, new Object[0], model);
    }
}

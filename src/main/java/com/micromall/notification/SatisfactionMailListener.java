package com.micromall.notification;

import com.micromall.care.SatisfactionSurveyDue;
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
 * Asks the buyer, in their language, how likely they are to recommend the shop: eleven numbers, each a link to the
 * answer page with that number chosen (opening a link answers nothing, so a mail scanner's visit does no harm).
 */
@Component
class SatisfactionMailListener {

    private static final Logger log = LoggerFactory.getLogger(SatisfactionMailListener.class);

    private final CustomerApi customers;
    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final CustomerMailer mailer;
    private final ShareSection shareSection;
    private final String baseUrl;

    SatisfactionMailListener(CustomerApi customers, MailRenderer renderer, ShopSettingsService shopSettings,
                             CustomerMailer mailer, ShareSection shareSection,
                             @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.customers = customers;
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.mailer = mailer;
        this.shareSection = shareSection;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void sendSurvey(SatisfactionSurveyDue event) {
        customers.find(event.customerId()).ifPresentOrElse(customer -> {
            Map<String, Object> model = new HashMap<>();
            model.put("customerName", customer.name());
            model.put("orderNumber", event.orderNumber());
            model.put("answerUrl", baseUrl + event.answerPath());
            List<RenderedMail.InlineImage> images = event.withShareCard() ? shareSection.putInto(model, customer)
                    : List.of();
            RenderedMail mail = renderer.render("satisfaction-survey", customer.locale(), shopSettings.current(),
                    "mail.subject.satisfactionSurvey", new Object[] {event.orderNumber()}, model, images);
            mailer.sendOnce("satisfaction/" + event.orderNumber(), "satisfaction-survey", customer, mail);
        }, () -> log.warn("No customer {} for the satisfaction survey of {}: nothing sent", event.customerId(),
                event.orderNumber()));
    }
}

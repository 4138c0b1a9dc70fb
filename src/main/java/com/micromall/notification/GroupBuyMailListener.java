package com.micromall.notification;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.groupbuy.GroupCompleted;
import com.micromall.groupbuy.GroupExpiredRefunded;
import com.micromall.settings.ShopSettingsService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Mails each member of a group buy, in their language, that the group went ahead or expired and was refunded. */
@Component
class GroupBuyMailListener {

    private final CustomerApi customers;
    private final CustomerMailer mailer;
    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final String baseUrl;

    GroupBuyMailListener(CustomerApi customers, CustomerMailer mailer, MailRenderer renderer,
                         ShopSettingsService shopSettings,
                         @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.customers = customers;
        this.mailer = mailer;
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void sendCompleted(GroupCompleted event) {
        send(event.groupId(), event::productNameIn, event.memberIds(), "group-complete", "mail.subject.groupComplete",
                Map.of("filled", event.filled()));
    }

    @ApplicationModuleListener
    void sendExpiredRefunded(GroupExpiredRefunded event) {
        send(event.groupId(), event::productNameIn, event.memberIds(), "group-expired", "mail.subject.groupExpired",
                Map.of());
    }

    private void send(long groupId, Function<Locale, String> productNameIn, List<Long> memberIds, String template,
                      String subjectKey, Map<String, Object> extra) {
        for (CustomerProfile customer : customers.findAll(memberIds)) {
            String productName = productNameIn.apply(customer.locale());
            Map<String, Object> model = new HashMap<>(extra);
            model.put("customerName", customer.name());
            model.put("productName", productName);
            model.put("actionUrl", baseUrl + "/groups/" + groupId);
            RenderedMail mail = renderer.render(template, customer.locale(), shopSettings.current(), subjectKey,
                    new Object[] {productName}, model);
            mailer.sendOnce("group/" + groupId + "/" + template + "/" + customer.id(), template, customer, mail);
        }
    }
}

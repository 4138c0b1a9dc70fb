package com.micromall.notification;

import com.micromall.customer.CustomerApi;
import com.micromall.loyalty.BirthdayVoucherGiven;
import com.micromall.loyalty.MemberLevelReached;
import com.micromall.loyalty.PointsExpiring;
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
 * Mails the customer, in their language, that they moved up to a member level and what it gives them, that the shop
 * gave them a birthday voucher, and a month ahead that some of their points run out.
 */
@Component
class LoyaltyMailListener {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyMailListener.class);

    private final CustomerApi customers;
    private final CustomerMailer mailer;
    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final String baseUrl;

    LoyaltyMailListener(CustomerApi customers, CustomerMailer mailer, MailRenderer renderer,
                        ShopSettingsService shopSettings,
                        @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.customers = customers;
        this.mailer = mailer;
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void sendLevelReached(MemberLevelReached event) {
        customers.find(event.customerId()).ifPresentOrElse(customer -> {
            Map<String, Object> model = new HashMap<>();
            model.put("customerName", customer.name());
            model.put("levelName", event.levelName());
            model.put("percent", event.discountPercent().stripTrailingZeros().toPlainString());
            model.put("discounts", event.discountPercent().signum() > 0);
            model.put("heldUntil", event.heldUntil());
            model.put("actionUrl", baseUrl + "/account");
            RenderedMail mail = renderer.render("level-reached", customer.locale(), shopSettings.current(),
                    "mail.subject.levelReached", new Object[] {event.levelName()}, model, List.of());
            mailer.sendOnce("level/" + event.customerId() + "/" + event.levelId() + "/" + event.reachedAt().toEpochMilli(),
                    "level-reached", customer, mail);
        }, () -> log.warn("No customer {} for the member level {}: nothing sent", event.customerId(), event.levelName()));
    }

    @ApplicationModuleListener
    void sendBirthdayVoucher(BirthdayVoucherGiven event) {
        customers.find(event.customerId()).ifPresentOrElse(customer -> {
            Map<String, Object> model = new HashMap<>();
            model.put("customerName", customer.name());
            model.put("voucherName", event.voucherName());
            model.put("validUntil", event.validUntil());
            model.put("actionUrl", baseUrl + "/account/vouchers");
            RenderedMail mail = renderer.render("birthday-voucher", customer.locale(), shopSettings.current(),
                    "mail.subject.birthdayVoucher", new Object[] {customer.name()}, model, List.of());
            mailer.sendOnce("birthday/" + event.customerId() + "/" + event.voucherTemplateId() + "/" + event.year(),
                    "birthday-voucher", customer, mail);
        }, () -> log.warn("No customer {} for a birthday voucher: nothing sent", event.customerId()));
    }

    @ApplicationModuleListener
    void sendPointsExpiring(PointsExpiring event) {
        customers.find(event.customerId()).ifPresentOrElse(customer -> {
            Map<String, Object> model = new HashMap<>();
            model.put("customerName", customer.name());
            model.put("points", event.points());
            model.put("available", event.available());
            model.put("expiresAt", event.expiresAt());
            model.put("actionUrl", baseUrl + "/account/points");
            RenderedMail mail = renderer.render("points-expiring", customer.locale(), shopSettings.current(),
                    "mail.subject.pointsExpiring", new Object[0], model, List.of());
            mailer.sendOnce("points-expiring/" + event.customerId() + "/" + event.expiresAt().toEpochMilli(),
                    "points-expiring", customer, mail);
        }, () -> log.warn("No customer {} for points running out: nothing sent", event.customerId()));
    }
}

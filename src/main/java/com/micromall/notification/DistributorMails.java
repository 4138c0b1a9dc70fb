package com.micromall.notification;

import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.RewardForm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import com.micromall.distribution.DistributorTierRaised;
import com.micromall.distribution.WithdrawalPaid;
import com.micromall.distribution.WithdrawalRejected;
import com.micromall.distribution.ShareInvitation;
import com.micromall.settings.ShopSettingsService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Composes the distributor's mails, in their language, from what the distribution events carry: no mail reads
 * distribution's tables. Each goes to the distributor the event names, never to the friend who ordered.
 */
@Component
class DistributorMails {

    /** Orders named in a "now withdrawable" mail; a longer list says "and N more". */
    static final int ORDERS_LISTED = 5;

    private final MailRenderer renderer;
    private final ShopSettingsService shopSettings;
    private final ShareSection shareSection;
    private final String baseUrl;

    DistributorMails(MailRenderer renderer, ShopSettingsService shopSettings, ShareSection shareSection,
                     @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.renderer = renderer;
        this.shopSettings = shopSettings;
        this.shareSection = shareSection;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    RenderedMail credited(CommissionCredited event, CustomerProfile distributor) {
        Map<String, Object> model = model(distributor, "/distribution");
        model.put("orderNumber", event.orderNumber());
        model.put("level", event.level());
        model.put("amount", event.amount());
        model.put("unfreezesAt", event.unfreezesAt());
        model.put("availableNow", !event.unfreezesAt().isAfter(event.creditedAt()));
        // POINTS commission is no cash: the mail says what it is worth as points, bonus included, never "withdrawable".
        boolean points = event.rewardForm() == RewardForm.POINTS;
        model.put("points", points);
        model.put("pointsWorth", event.amount().times(BigDecimal.ONE.add(event.bonusPercent().movePointLeft(2)),
                RoundingMode.DOWN));
        model.put("pointsBonus", event.bonusPercent().stripTrailingZeros().toPlainString());
        return render("commission-credited", distributor, "mail.subject.commissionCredited",
                new Object[] {event.amount().format(MailLocale.of(distributor.locale()))}, model);
    }

    RenderedMail available(CommissionAvailable event, CustomerProfile distributor) {
        Map<String, Object> model = model(distributor, "/distribution/withdrawals");
        model.put("amount", event.amount());
        List<String> orders = event.orderNumbers();
        model.put("orderNumbers", String.join(", ", orders.subList(0, Math.min(ORDERS_LISTED, orders.size()))));
        model.put("moreOrders", Math.max(0, orders.size() - ORDERS_LISTED));
        boolean points = event.rewardForm() == RewardForm.POINTS;
        model.put("points", points);
        return render("commission-available", distributor, points ? "mail.subject.commissionAvailable.points"
                        : "mail.subject.commissionAvailable",
                new Object[] {event.amount().format(MailLocale.of(distributor.locale()))}, model);
    }

    RenderedMail tierRaised(DistributorTierRaised event, CustomerProfile distributor) {
        Map<String, Object> model = model(distributor, "/distribution#tier");
        model.put("tierName", event.tierName());
        model.put("level1Percent", event.level1Percent().stripTrailingZeros().toPlainString());
        model.put("level2Percent", event.level2Percent() == null ? null
                : event.level2Percent().stripTrailingZeros().toPlainString());
        model.put("heldUntil", event.heldUntil());
        return render("tier-raised", distributor, "mail.subject.tierRaised", new Object[] {event.tierName()}, model);
    }

    RenderedMail paid(WithdrawalPaid event, CustomerProfile distributor) {
        Map<String, Object> model = model(distributor, "/distribution/withdrawals");
        model.put("amount", event.amount());
        model.put("fee", event.fee());
        model.put("net", event.net());
        model.put("method", event.method());
        model.put("reference", event.paymentReference());
        model.put("paidAt", event.paidAt());
        return render("withdrawal-paid", distributor, "mail.subject.withdrawalPaid",
                new Object[] {event.net().format(MailLocale.of(distributor.locale()))}, model);
    }

    RenderedMail rejected(WithdrawalRejected event, CustomerProfile distributor) {
        Map<String, Object> model = model(distributor, "/distribution/withdrawals");
        model.put("amount", event.amount());
        model.put("reason", event.reason());
        return render("withdrawal-rejected", distributor, "mail.subject.withdrawalRejected",
                new Object[] {event.amount().format(MailLocale.of(distributor.locale()))}, model);
    }

    RenderedMail welcome(ShareInvitation invitation, CustomerProfile distributor) {
        Map<String, Object> model = model(distributor, "/distribution");
        ShareSection.Share share = shareSection.of(invitation.sharePath(), invitation.friendBenefit());
        share.addTo(model);
        return renderer.render("distributor-welcome", distributor.locale(), shopSettings.current(),
                "mail.subject.distributorWelcome", new Object[0], model, share.images());
    }

    private Map<String, Object> model(CustomerProfile distributor, String actionPath) {
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", distributor.name());
        model.put("actionUrl", baseUrl + actionPath);
        model.put("distributorMail", true);
        return model;
    }

    private RenderedMail render(String template, CustomerProfile distributor, String subjectKey, Object[] subjectArgs,
                                Map<String, Object> model) {
        return renderer.render(template, distributor.locale(), shopSettings.current(), subjectKey, subjectArgs, model);
    }
}

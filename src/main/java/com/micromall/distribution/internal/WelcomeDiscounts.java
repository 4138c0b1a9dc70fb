package com.micromall.distribution.internal;

import com.micromall.customer.CustomerApi;
import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.DiscountLine;
import com.micromall.order.OrderHistory;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The referred friend's welcome benefit on their first order (no earlier order that was not
 * cancelled): a percentage of the goods, rounded down to the cent and capped when a cap is set,
 * or a fixed amount never above the goods. The friend gets it even if the sharer is suspended.
 */
@Component
@RequiredArgsConstructor
class WelcomeDiscounts implements CheckoutDiscounts {

    static final String SOURCE = "welcome";

    private final ReferralNetwork network;
    private final OrderHistory orderHistory;
    private final CustomerApi customers;
    private final DistributionSettingsService settings;

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        Optional<Long> referrer = network.referrerOf(basket.customerId());
        if (referrer.isEmpty() || orderHistory.hasOrdersOtherThanCancelled(basket.customerId())) {
            return List.of();
        }
        DistributionSettings rules = settings.current();
        Money amount = amount(rules, basket.goodsTotal());
        String percentText = rules.welcomeValue().stripTrailingZeros().toPlainString();
        String labelKey = rules.welcomeKind() == WelcomeKind.PERCENT
                ? "distribution.welcome.label.percent" : "distribution.welcome.label.fixed";
        if (!amount.isPositive()) {
            return List.of();
        }
        String sharer = customers.find(referrer.get()).map(Invitations::firstName).orElse("");
        return List.of(new DiscountLine(SOURCE, labelKey, List.of(sharer, percentText), amount));
    }

    /**
     * The welcome discount on {@code goods} under {@code rules}: a percentage rounded down to the
     * cent and capped when a cap is set, or a fixed amount never above the goods. The one place
     * this is computed (checkout and the owner's simulator both call it).
     */
    static Money amount(DistributionSettings rules, Money goods) {
        if (rules.welcomeKind() == WelcomeKind.PERCENT) {
            Money amount = goods.percent(rules.welcomeValue(), RoundingMode.DOWN);
            return rules.welcomeCap() == null ? amount
                    : amount.min(Money.of(rules.welcomeCap(), goods.currency(), RoundingMode.DOWN));
        }
        return Money.of(rules.welcomeValue(), goods.currency(), RoundingMode.DOWN).min(goods);
    }
}

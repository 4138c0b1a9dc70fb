package com.micromall.distribution.ledger;

import com.micromall.distribution.referral.DistributorChoices;

import com.micromall.distribution.referral.Invitations;
import com.micromall.distribution.referral.ReferralNetwork;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The referred friend's welcome benefit on their first order (no earlier order that was not
 * cancelled): a percentage of the goods, rounded down to the cent and capped when a cap is set,
 * or a fixed amount never above the goods. The friend gets it even if the sharer is suspended.
 * When the sharer is an active distributor who chose a friend's share, a second line gives the
 * friend that part of the sharer's level-1 commission. Asked first of all discount sources.
 */
@Component
@Order(100)
@RequiredArgsConstructor
public class WelcomeDiscounts implements CheckoutDiscounts {

    static final String SOURCE = "welcome";
    /** The extra discount the sharer gives out of their own commission (the friend's share). */
    static final String GIFT_SOURCE = "friend-gift";

    private final ReferralNetwork network;
    private final OrderHistory orderHistory;
    private final CustomerApi customers;
    private final DistributionSettingsService settings;
    private final DistributorChoices choices;
    private final ProductApi products;

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
        DiscountLine welcome = new DiscountLine(SOURCE, labelKey, List.of(sharer, percentText), amount);
        Money gift = friendGift(referrer.get(), basket, amount, rules);
        if (!gift.isPositive()) {
            return List.of(welcome);
        }
        return List.of(welcome, new DiscountLine(GIFT_SOURCE, "distribution.rewards.gift.label", List.of(sharer), gift));
    }

    /**
     * The sharer's friend's share (split red envelope): only an ACTIVE distributor earns, so only
     * one can give; computed on the goods after the welcome discount, at today's rates and overrides.
     */
    private Money friendGift(long referrer, CheckoutBasket basket, Money welcome, DistributionSettings rules) {
        int share = choices.of(referrer).filter(DistributorChoices.Choices::active)
                .map(DistributorChoices.Choices::friendSharePercent).orElse(0);
        if (share == 0) {
            return Money.zero(welcome.currency());
        }
        Map<Long, ProductSummary> byId = products.findAll(basket.lines().stream().map(CheckoutBasket.Line::productId)
                .toList()).stream().collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        List<FriendShare.Line> lines = basket.lines().stream().map(line -> {
            ProductSummary product = byId.get(line.productId());
            return new FriendShare.Line(line.quantity(), line.lineTotal(),
                    product == null ? null : product.commissionPercent(),
                    product == null || product.commissionFixedAmount() == null ? null
                            : product.commissionFixedAmount().amount());
        }).toList();
        return FriendShare.split(share, lines, welcome, rules.level1Percent()).gift()
                .min(basket.remaining().minus(welcome));
    }

    /**
     * The welcome discount on {@code goods} under {@code rules}: a percentage rounded down to the
     * cent and capped when a cap is set, or a fixed amount never above the goods. The one place
     * this is computed (checkout and the owner's simulator both call it).
     */
    public static Money amount(DistributionSettings rules, Money goods) {
        if (rules.welcomeKind() == WelcomeKind.PERCENT) {
            Money amount = goods.percent(rules.welcomeValue(), RoundingMode.DOWN);
            return rules.welcomeCap() == null ? amount
                    : amount.min(Money.of(rules.welcomeCap(), goods.currency(), RoundingMode.DOWN));
        }
        return Money.of(rules.welcomeValue(), goods.currency(), RoundingMode.DOWN).min(goods);
    }
}

package com.micromall.distribution.policy;

import com.micromall.distribution.experiments.Experiments;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.invitations.Invitations;
import com.micromall.distribution.referral.ReferralNetwork;
import com.micromall.distribution.invitations.WelcomeGift;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The referred friend's gift at checkout, on their first order (no earlier order that was not
 * cancelled): the welcome discount as {@link FriendsGift} defines it, even if the sharer is suspended,
 * and, when the sharer is an active distributor who chose a friend's share, a second line giving the
 * friend that part of the sharer's level-1 commission. Asked first of all discount sources.
 */
@Component
@Order(100)
@RequiredArgsConstructor
public class WelcomeDiscounts implements CheckoutDiscounts {

    public static final String SOURCE = "welcome";
    /** The extra discount the sharer gives out of their own commission (the friend's share). */
    public static final String GIFT_SOURCE = "friend-gift";

    private final ReferralNetwork network;
    private final OrderHistory orderHistory;
    private final CustomerApi customers;
    private final DistributionSettingsService settings;
    private final DistributorChoices choices;
    private final ProductApi products;
    private final Experiments experiments;

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        Optional<Long> referrer = network.referrerOf(basket.customerId());
        // A special price (a group price) replaces the friend's gift instead of stacking with it.
        if (referrer.isEmpty() || basket.atSpecialPrice() || orderHistory.hasOrdersOtherThanCancelled(basket.customerId())) {
            return List.of();
        }
        // A running experiment's arm may give its distributors' friends another welcome benefit (and rate).
        DistributionSettings shop = settings.current();
        DistributionSettings rules = experiments.armOf(referrer.get()).map(arm -> arm.applyTo(shop)).orElse(shop);
        WelcomeGift.Terms terms = WelcomeGift.terms(rules, basket.goodsTotal().currency());
        if (!terms.offered()) {
            return List.of();
        }
        // Only an ACTIVE distributor earns, so only one can give a friend's share.
        int share = choices.of(referrer.get()).filter(DistributorChoices.Choices::active)
                .map(DistributorChoices.Choices::friendSharePercent).orElse(0);
        FriendsGift.Gift gift = FriendsGift.on(rules, lines(basket, share), share, basket.remaining());
        if (!gift.welcome().isPositive()) {
            return List.of();
        }
        String sharer = customers.find(referrer.get()).map(Invitations::firstName).orElse("");
        DiscountLine welcome = new DiscountLine(SOURCE, labelKey(terms), labelArgs(terms, sharer), gift.welcome());
        if (!gift.friendShare().isPositive()) {
            return List.of(welcome);
        }
        return List.of(welcome, new DiscountLine(GIFT_SOURCE, "distribution.rewards.gift.label", List.of(sharer),
                gift.friendShare()));
    }

    /** The line states the terms the invitation banner stated, the cap included. */
    private static String labelKey(WelcomeGift.Terms terms) {
        if (terms.kind() == WelcomeKind.FIXED) {
            return "distribution.welcome.label.fixed";
        }
        return terms.cap() == null ? "distribution.welcome.label.percent" : "distribution.welcome.label.percentCapped";
    }

    private static List<String> labelArgs(WelcomeGift.Terms terms, String sharer) {
        if (terms.kind() == WelcomeKind.PERCENT && terms.cap() != null) {
            return List.of(sharer, terms.percentText(), terms.cap().format(LocaleContextHolder.getLocale()));
        }
        return List.of(sharer, terms.percentText());
    }

    /** The basket's lines with each product's commission override, which the friend's share depends on. */
    private List<FriendShare.Line> lines(CheckoutBasket basket, int share) {
        Map<Long, ProductSummary> byId = share == 0 ? Map.of()
                : products.findAll(basket.lines().stream().map(CheckoutBasket.Line::productId).toList()).stream()
                        .collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        return basket.lines().stream().map(line -> {
            ProductSummary product = byId.get(line.productId());
            return new FriendShare.Line(line.quantity(), line.lineTotal(),
                    product == null ? null : product.commissionPercent(),
                    product == null || product.commissionFixedAmount() == null ? null
                            : product.commissionFixedAmount().amount());
        }).toList();
    }
}

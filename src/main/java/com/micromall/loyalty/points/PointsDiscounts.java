package com.micromall.loyalty.points;

import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.CheckoutOption;
import com.micromall.order.DiscountLine;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's points at checkout: "use my points" takes as many as the owner's cap (a share of the goods), the rest
 * to pay and the buyer's available points allow, at the owner's value per point; a buyer who wants to keep some picks
 * one of a few round smaller amounts instead. The line is spread over the order lines like every discount. Placing the order spends them under the buyer's balance row lock, so two orders placed at
 * once never spend the same points: the second is refused and rolled back. Asked after the welcome gift, member
 * discount and voucher, before store credit. A buyer without points costs one read of their balance on the checkout
 * page and none when placing an order without them.
 */
@Component
@Order(800)
@RequiredArgsConstructor
class PointsDiscounts implements CheckoutDiscounts {

    static final String SOURCE = "points";
    /** The pick: use as many points as may be used; {@code "use:N"} uses N of them (fewer if fewer may be used). */
    static final String USE = "use";
    private static final String USE_SOME = "use:";
    /** Smaller amounts are offered in steps of this many points, when at least two steps may be used. */
    private static final long STEP = 50;

    private final PointsBook book;
    private final PointsSettingsService settings;

    @Override
    public List<CheckoutOption> optionsFor(CheckoutBasket basket) {
        if (basket.lines().isEmpty()) {
            return List.of();
        }
        long available = book.availableOf(basket.customerId());
        if (available <= 0) {
            return List.of();
        }
        PointsSettings terms = settings.current();
        if (!terms.enabled()) {
            return List.of();
        }
        long usable = usable(basket, terms, available);
        Money value = terms.valueOf(usable, basket.goodsTotal().currency());
        Locale locale = LocaleContextHolder.getLocale();
        if (usable <= 0) {
            return List.of(new CheckoutOption(SOURCE, "loyalty.points.checkout.title", USE, "loyalty.points.checkout.option",
                    List.of(Long.toString(available), value.format(locale)), "loyalty.points.checkout.nothingLeft", List.of()));
        }
        List<CheckoutOption> options = new java.util.ArrayList<>();
        options.add(new CheckoutOption(SOURCE, "loyalty.points.checkout.title", USE, "loyalty.points.checkout.option",
                List.of(Long.toString(usable), value.format(locale)), null, List.of()));
        for (long some : smallerAmounts(usable)) {
            options.add(new CheckoutOption(SOURCE, "loyalty.points.checkout.title", USE_SOME + some,
                    "loyalty.points.checkout.optionSome", List.of(Long.toString(some),
                    terms.valueOf(some, basket.goodsTotal().currency()).format(locale)), null, List.of()));
        }
        return options;
    }

    /** Three quarters, half and a quarter of what may be used, rounded down to whole steps, largest first. */
    static List<Long> smallerAmounts(long usable) {
        if (usable < 2 * STEP) {
            return List.of();
        }
        return java.util.stream.LongStream.of(3, 2, 1).map(quarters -> usable * quarters / 4 / STEP * STEP)
                .filter(some -> some > 0 && some < usable).distinct().boxed().toList();
    }

    /** The points the buyer asked to use: all that may be used, or the number picked; null for no pick. */
    private static @Nullable Long wanted(CheckoutBasket basket) {
        String pick = basket.choice(SOURCE).orElse("");
        if (pick.equals(USE)) {
            return Long.MAX_VALUE;
        }
        if (pick.startsWith(USE_SOME) && pick.length() <= USE_SOME.length() + 12) {
            try {
                long some = Long.parseLong(pick.substring(USE_SOME.length()));
                return some > 0 ? some : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        Long wanted = wanted(basket);
        if (wanted == null || basket.lines().isEmpty()) {
            return List.of();
        }
        long available = book.availableOf(basket.customerId());
        if (available <= 0) {
            return List.of();
        }
        PointsSettings terms = settings.current();
        if (!terms.enabled()) {
            return List.of();
        }
        long usable = Math.min(wanted, usable(basket, terms, available));
        if (usable <= 0) {
            return List.of();
        }
        return List.of(new DiscountLine(SOURCE, "loyalty.points.checkout.line", List.of(Long.toString(usable)),
                terms.valueOf(usable, basket.goodsTotal().currency())));
    }

    /** As many points as the cap, what is left to pay and the balance allow: whole points, each worth whole cents. */
    private static long usable(CheckoutBasket basket, PointsSettings terms, long available) {
        Money most = terms.capOf(basket.goodsTotal()).min(basket.remaining());
        return Math.min(available, terms.pointsWorth(most));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(long orderId, String orderNumber, CheckoutBasket basket, List<DiscountLine> granted) {
        if (wanted(basket) == null) {
            return;
        }
        DiscountLine line = granted.stream().filter(g -> g.source().equals(SOURCE)).findFirst()
                .orElseThrow(() -> new DiscountUnavailableException("loyalty.points.checkout.unavailable"));
        long points = Long.parseLong(line.labelArgs().get(0));
        Money discounts = granted.stream().map(DiscountLine::amount).reduce(Money::plus).orElseThrow();
        BigDecimal paidGoods = basket.goodsTotal().minus(discounts).amount();
        try {
            book.spend(basket.customerId(), orderId, orderNumber, points, paidGoods);
        } catch (PointsBook.NotEnoughPoints e) {
            throw new DiscountUnavailableException("loyalty.points.checkout.unavailable");
        }
    }
}

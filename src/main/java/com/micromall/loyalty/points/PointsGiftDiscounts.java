package com.micromall.loyalty.points;

import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.DiscountLine;
import com.micromall.order.DiscountUnavailableException;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A gift's goods paid with points at checkout: for a pick naming one unit of a product on offer as a gift at the price
 * in points the customer saw, a discount line of the whole goods. Asked before every other source, so nothing is
 * left for them to take off (no welcome gift, voucher, member discount or store credit on a gift), and the commission
 * base and the points earned on what was paid are zero. Placing the order spends the points under the customer's
 * balance row lock; when they are gone (another tab) or the gift is no longer on offer at that price, the order is
 * refused and rolled back, stock included.
 */
@Component
@Order(40)
@RequiredArgsConstructor
class PointsGiftDiscounts implements CheckoutDiscounts {

    static final String SOURCE = "points-gift";

    private final JdbcClient jdbc;
    private final PointsSettingsService settings;
    private final PointsBook book;

    /** The price in points of a product on offer as a gift now; one read. */
    Optional<Long> priceOf(long productId) {
        if (!settings.current().enabled()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT points FROM loyalty_points_gift WHERE product_id = :p AND offered")
                .param("p", productId).query(Long.class).optional();
    }

    /** The pick for one unit of {@code productId} at {@code points}. */
    static String pick(long productId, long points) {
        return productId + ":" + points;
    }

    private record Pick(long productId, long points) {
    }

    private static Optional<Pick> pickOf(CheckoutBasket basket) {
        return basket.choice(SOURCE).filter(value -> value.matches("\\d{1,18}:\\d{1,18}")).map(value -> {
            String[] parts = value.split(":");
            return new Pick(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        });
    }

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        Optional<Pick> pick = pickOf(basket);
        if (pick.isEmpty() || basket.lines().size() != 1) {
            return List.of();
        }
        CheckoutBasket.Line line = basket.lines().get(0);
        if (line.productId() != pick.get().productId() || line.quantity() != 1
                || !priceOf(line.productId()).equals(Optional.of(pick.get().points()))
                || !basket.remaining().equals(line.lineTotal())) {
            return List.of();
        }
        return List.of(new DiscountLine(SOURCE, "loyalty.points.gift.line", List.of(Long.toString(pick.get().points())),
                line.lineTotal()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(long orderId, String orderNumber, CheckoutBasket basket, List<DiscountLine> granted) {
        if (basket.choice(SOURCE).isEmpty()) {
            return;
        }
        DiscountLine line = granted.stream().filter(g -> g.source().equals(SOURCE)).findFirst()
                .orElseThrow(() -> new DiscountUnavailableException("loyalty.points.gift.notOffered"));
        try {
            book.spendOnGift(basket.customerId(), orderId, orderNumber, Long.parseLong(line.labelArgs().get(0)),
                    line.amount().amount());
        } catch (PointsBook.NotEnoughPoints e) {
            throw new DiscountUnavailableException("loyalty.points.gift.tooFew");
        }
    }
}

package com.micromall.groupbuy;

import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.DiscountLine;
import com.micromall.shared.Money;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The group price at checkout, as a special-price discount line (so the welcome gift does not stack and commission
 * is computed on what was paid). Granted only for a pick naming this buyer's member row whose order is being placed
 * right now: that row exists only inside {@link GroupBuying}'s transaction, so a pick typed into the cart's checkout
 * finds nothing. Asked before every other source.
 */
@Component
@Order(50)
@RequiredArgsConstructor
class GroupPriceDiscounts implements CheckoutDiscounts {

    private final BuyGroupRepository groups;

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        Optional<String> pick = basket.choice(GroupBuying.PICK);
        if (pick.isEmpty() || basket.lines().size() != 1) {
            return List.of();
        }
        CheckoutBasket.Line line = basket.lines().get(0);
        return groups.findPending(pick.get(), basket.customerId())
                .filter(group -> group.getProductId() == line.productId() && line.quantity() == 1)
                .map(group -> {
                    Money off = line.lineTotal().minus(group.price().min(line.lineTotal())).min(basket.remaining());
                    return off.isPositive()
                            ? List.of(new DiscountLine(CheckoutBasket.SPECIAL_PRICE, "groupbuy.discount.label",
                                    List.of(), off))
                            : List.<DiscountLine>of();
                }).orElse(List.of());
    }
}

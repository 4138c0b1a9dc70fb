package com.micromall.loyalty.levels;

import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.DiscountLine;
import com.micromall.shared.Money;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The member discount at checkout: the customer's level's percentage of the goods, rounded down, as one discount line
 * spread over the order lines like every other source. Asked after the referred friend's welcome gift (the terms the
 * invitation promised, worked out on the listed prices) and before store credit (which pays whatever is left).
 */
@Component
@Order(500)
@RequiredArgsConstructor
class MemberDiscounts implements CheckoutDiscounts {

    static final String SOURCE = "member-level";

    private final MemberLevels levels;

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        if (basket.atSpecialPrice()) {
            return List.of(); // a group price is the whole price: the page that offered it showed no more off
        }
        MemberLevel level = levels.levelOf(basket.customerId()).filter(MemberLevel::discounts).orElse(null);
        if (level == null) {
            return List.of();
        }
        Money off = level.discountOn(basket.goodsTotal()).min(basket.remaining());
        if (!off.isPositive()) {
            return List.of();
        }
        return List.of(new DiscountLine(SOURCE, "loyalty.levels.discount.label", List.of(level.name(), level.percentText()),
                off));
    }
}

package com.micromall.loyalty.levels;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One of the owner's levels: reached when what the shop's {@link LevelBasis} measures (goods paid or points earned,
 * refunds taken off) comes to {@code threshold}; members get {@code discountPercent} off the goods.
 */
public record MemberLevel(long id, String name, BigDecimal threshold, BigDecimal discountPercent) {

    /** True for a level every customer holds from the start. */
    public boolean fromZero() {
        return threshold.signum() == 0;
    }

    /** True when the level gives a discount at all (a starting level often gives none). */
    public boolean discounts() {
        return discountPercent.signum() > 0;
    }

    /** The member discount on an amount; rounded down, as at checkout, so the page never promises more. */
    public Money discountOn(Money amount) {
        return amount.percent(discountPercent, RoundingMode.DOWN);
    }

    /** What a member pays for an item at {@code price}. */
    public Money memberPrice(Money price) {
        return price.minus(discountOn(price));
    }

    /** The percentage as people write it: "5" or "2.5". */
    public String percentText() {
        return discountPercent.stripTrailingZeros().toPlainString();
    }
}

package com.micromall.distribution.policy;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * How much one order line earns one beneficiary, from the snapshot taken when the order was
 * placed. Base = what the buyer paid for the line's goods (after discounts, without shipping).
 * Level 1: the product's override (fixed amount per unit, or percent) if set, else the shop's
 * level-1 rate. Level 2: always the shop's level-2 rate on the same base - overrides are set for
 * the direct sharer - except that a product whose override is zero ("intentionally no
 * commission") pays nothing at either level, and neither does a line nothing was paid for. Every amount is rounded down to the minor unit.
 */
public final class CommissionPolicy {

    private CommissionPolicy() {
    }

    /**
     * @param friendGift the part of the distributor's friend's share (split red envelope) this line
     *                   carries; zero when nothing was given
     */
    public record LineTerms(int quantity, Money paidAmount, @Nullable BigDecimal overridePercent,
                     @Nullable BigDecimal overrideFixed, Money friendGift) {

        public LineTerms(int quantity, Money paidAmount, @Nullable BigDecimal overridePercent, @Nullable BigDecimal overrideFixed) {
            this(quantity, paidAmount, overridePercent, overrideFixed, Money.zero(paidAmount.currency()));
        }

        boolean intentionallyNone() {
            return (overridePercent != null && overridePercent.signum() == 0)
                    || (overrideFixed != null && overrideFixed.signum() == 0);
        }
    }

    /**
     * The friend's share: the base is what was paid plus the gift (what the line would have cost
     * without it), so level 2 is not hurt by level 1's generosity; level 1 then gives the gift
     * away, never going below zero.
     */
    public static Money amount(LineTerms line, int level, BigDecimal level1Percent, BigDecimal level2Percent) {
        Currency currency = line.paidAmount().currency();
        // Nothing paid (goods taken for points, or a line discounted to nothing) earns nothing, a fixed amount neither.
        if (line.intentionallyNone() || (!line.paidAmount().isPositive() && !line.friendGift().isPositive())) {
            return Money.zero(currency);
        }
        Money base = line.paidAmount().plus(line.friendGift());
        if (level == 2) {
            return base.percent(level2Percent, RoundingMode.DOWN);
        }
        Money full;
        if (line.overrideFixed() != null) {
            full = Money.of(line.overrideFixed(), currency, RoundingMode.DOWN).times(line.quantity());
        } else {
            BigDecimal percent = line.overridePercent() != null ? line.overridePercent() : level1Percent;
            full = base.percent(percent, RoundingMode.DOWN);
        }
        return full.minus(line.friendGift()).max(Money.zero(currency));
    }

    /** What refunding {@code units} of {@code ofUnits} takes back from {@code amount}: its share, rounded down. */
    public static Money share(Money amount, int units, int ofUnits) {
        BigDecimal exact = amount.amount().multiply(BigDecimal.valueOf(units));
        return Money.of(exact.divide(BigDecimal.valueOf(ofUnits), amount.amount().scale(), RoundingMode.DOWN),
                amount.currency());
    }

    /**
     * What one refund of {@code units} takes back from an entry of {@code original} for
     * {@code totalUnits}, when {@code unitsBefore} units and {@code takenBefore} were taken back
     * already: the share rounded down, except that the refund emptying the line takes whatever is
     * left, so kept + taken back = original exactly.
     */
    public static Money refundShare(Money original, int totalUnits, int unitsBefore, Money takenBefore, int units) {
        if (unitsBefore + units >= totalUnits) {
            return original.minus(takenBefore);
        }
        return share(original, units, totalUnits);
    }
}

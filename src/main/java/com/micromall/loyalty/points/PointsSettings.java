package com.micromall.loyalty.points;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The owner's points terms.
 *
 * @param pointsPerUnit  points per currency unit paid for goods (after discounts, without shipping), rounded down
 * @param referralPoints points the inviter earns when a referred friend's first order completes
 * @param pointValue     what one point takes off at checkout (in the shop's currency, to the cent)
 * @param capPercent     the most points may pay of an order's goods
 * @param expiryMonths   months after earning that points run out; 0 for never
 * @param version        moves with every change, so a form sent twice or from a stale tab is noticed
 */
public record PointsSettings(boolean enabled, BigDecimal pointsPerUnit, long referralPoints, BigDecimal pointValue,
                             BigDecimal capPercent, int expiryMonths, long version) {

    /** Points for this much paid for goods, rounded down. */
    public long pointsFor(Money paid) {
        if (!paid.isPositive()) {
            return 0;
        }
        return paid.amount().multiply(pointsPerUnit).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** What {@code points} take off at checkout: exact, the value being whole cents. */
    public Money valueOf(long points, Currency currency) {
        return Money.of(pointValue.multiply(BigDecimal.valueOf(points)), currency, RoundingMode.DOWN);
    }

    /** The most points that fit in {@code amount} (rounded down). */
    public long pointsWorth(Money amount) {
        if (!amount.isPositive()) {
            return 0;
        }
        return amount.amount().divide(pointValue, 0, RoundingMode.DOWN).longValueExact();
    }

    /** The most points may take off goods worth {@code goods}: the cap, rounded down to the cent. */
    public Money capOf(Money goods) {
        return goods.percent(capPercent, RoundingMode.DOWN);
    }
}

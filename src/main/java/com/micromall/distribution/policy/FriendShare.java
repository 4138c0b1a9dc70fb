package com.micromall.distribution.policy;

import com.micromall.order.DiscountAllocation;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The split red envelope: a distributor may give part of the level-1 commission that a referred
 * friend's first order would earn them to that friend, as an extra discount. The gift is the share
 * of the level-1 commission computed by {@link CommissionPolicy} on the goods after the welcome
 * discount, rounded down; the distributor's commission on that order shrinks by exactly the gift
 * (see {@link CommissionPolicy.LineTerms#friendGift()}). Its arithmetic only: what a friend is given
 * is asked of {@link FriendsGift}, which checkout and the rewards page's example both call.
 */
public final class FriendShare {

    /** A basket line with the product's commission override (null = shop rate). */
    public record Line(int quantity, Money lineTotal, @Nullable BigDecimal overridePercent, @Nullable BigDecimal overrideFixed) {
    }

    /** What the sharer would earn at level 1 and what the friend gets of it. */
    record Split(Money commission, Money gift) {

        Money kept() {
            return commission.minus(gift);
        }
    }

    private FriendShare() {
    }

    /**
     * The level-1 commission on the basket after the welcome discount (spread over the lines as the
     * order spreads it), and {@code sharePercent} of it, rounded down, never above what is left to pay.
     */
    static Split split(int sharePercent, List<Line> lines, Money welcome, BigDecimal level1Percent) {
        List<Money> totals = new ArrayList<>();
        lines.forEach(line -> totals.add(line.lineTotal()));
        List<Money> paid = DiscountAllocation.paidAmounts(totals, welcome);
        Money commission = Money.zero(welcome.currency());
        Money left = Money.zero(welcome.currency());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            commission = commission.plus(CommissionPolicy.amount(new CommissionPolicy.LineTerms(line.quantity(),
                    paid.get(i), line.overridePercent(), line.overrideFixed()), 1, level1Percent, BigDecimal.ZERO));
            left = left.plus(paid.get(i));
        }
        Money gift = commission.percent(BigDecimal.valueOf(sharePercent), RoundingMode.DOWN).min(left);
        return new Split(commission, gift);
    }

    /**
     * Which part of {@code gift} each order line carries: the gift as it actually lowered each line's
     * payment (the order spreads all its discounts over the line totals), so paid + gift is what the
     * line would have cost without the gift. Exact to the cent: the parts add up to the gift.
     *
     * @param lineTotals the order's line totals before discounts
     * @param paid what was paid per line (after every discount, the gift included)
     */
    public static List<Money> perLine(List<Money> lineTotals, List<Money> paid, Money discountTotal, Money gift) {
        List<Money> withoutGift = DiscountAllocation.paidAmounts(lineTotals, discountTotal.minus(gift));
        List<Money> parts = new ArrayList<>();
        boolean consistent = true;
        for (int i = 0; i < paid.size(); i++) {
            Money part = withoutGift.get(i).minus(paid.get(i));
            consistent &= !part.isNegative();
            parts.add(part);
        }
        if (consistent) {
            return parts;
        }
        // A rounding corner of the largest-remainder split: spread the gift itself over what was paid.
        List<Money> rest = DiscountAllocation.paidAmounts(paid, gift);
        parts.clear();
        for (int i = 0; i < paid.size(); i++) {
            parts.add(paid.get(i).minus(rest.get(i)));
        }
        return parts;
    }
}

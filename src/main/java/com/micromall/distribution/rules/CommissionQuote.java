package com.micromall.distribution.rules;

import com.micromall.distribution.invitations.WelcomeGift;
import com.micromall.distribution.policy.CommissionPolicy;
import com.micromall.distribution.payout.WithdrawalService;

import com.micromall.catalog.ProductSummary;
import com.micromall.settings.DistributionSettings;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * What a referred friend's first order would cost and earn under the given rules, for the owner's
 * what-if simulator. It adds no rule of its own: the welcome discount is {@link WelcomeGift}'s
 * and each level's commission is {@link CommissionPolicy#amount}, exactly as checkout and crediting
 * call them, on the base crediting uses (what the friend paid for the goods, shipping excluded).
 * The distributor's optional friend's share is not included: it is each sharer's own choice.
 */
public final class CommissionQuote {

    /** The simulator's figures; level2 is zero when level 2 is off. shopNet = friendPays - commissions + fee. */
    public record Quote(Money goods, Money welcomeDiscount, Money friendPays, Money level1, Money level2,
                        boolean levelTwoOn, Money withdrawalFee, Money shopNet) {
    }

    /**
     * Levels 1 and 2 together may pay up to this share of a product's price (per cent) without the owner
     * confirming: beyond half the price the sharers earn more from a sale than the shop keeps of it.
     */
    public static final BigDecimal SENSIBLE_SHARE_PERCENT = new BigDecimal("50");

    /** What one unit sold at its full price pays at each level; level2 is zero when level 2 is off. */
    public record UnitPayout(Money price, Money level1, Money level2) {

        public Money total() {
            return level1.plus(level2);
        }

        /** The payout as a percentage of the price, to one decimal; null for a free product. */
        public @Nullable BigDecimal percentOfPrice() {
            if (price.isZero()) {
                return null;
            }
            return total().amount().multiply(BigDecimal.valueOf(100))
                    .divide(price.amount(), 1, RoundingMode.HALF_UP).stripTrailingZeros();
        }

        /** More than {@link #SENSIBLE_SHARE_PERCENT} of the price (anything at all for a free product). */
        public boolean aboveSensibleShare() {
            return total().amount().multiply(BigDecimal.valueOf(100))
                    .compareTo(price.amount().multiply(SENSIBLE_SHARE_PERCENT)) > 0;
        }
    }

    private CommissionQuote() {
    }

    /** One unit of a product at {@code price} with the given override (both null = the shop's rate). */
    public static UnitPayout perUnit(DistributionSettings rules, Money price, @Nullable BigDecimal overridePercent,
                                     @Nullable BigDecimal overrideFixed) {
        CommissionPolicy.LineTerms line = new CommissionPolicy.LineTerms(1, price, overridePercent, overrideFixed);
        Money level1 = CommissionPolicy.amount(line, 1, rules.level1Percent(), rules.level2Percent());
        Money level2 = rules.levelTwoOn()
                ? CommissionPolicy.amount(line, 2, rules.level1Percent(), rules.level2Percent())
                : Money.zero(price.currency());
        return new UnitPayout(price, level1, level2);
    }

    /** One unit of {@code product} at its price and override. */
    public static UnitPayout perUnit(DistributionSettings rules, ProductSummary product) {
        return perUnit(rules, product.price(), product.commissionPercent(),
                product.commissionFixedAmount() == null ? null : product.commissionFixedAmount().amount());
    }

    /**
     * A basket of one line: {@code quantity} of {@code product} (its override applies), or, without a
     * product, goods worth {@code goods} at the shop's rates.
     */
    public static Quote firstReferredOrder(DistributionSettings rules, Money goods, @Nullable ProductSummary product,
                                           int quantity) {
        return firstReferredOrder(rules, goods, product, quantity, rules.level1Percent(), rules.level2Percent());
    }

    /**
     * The same basket when the sharers earn other rates than the shop's (a distributor tier's): the product's own
     * override still wins over the level-1 rate, as it does in crediting.
     */
    public static Quote firstReferredOrder(DistributionSettings rules, Money goods, @Nullable ProductSummary product,
                                           int quantity, BigDecimal level1Percent, BigDecimal level2Percent) {
        Money welcome = WelcomeGift.terms(rules, goods.currency()).welcomeOn(goods);
        Money paid = goods.minus(welcome);
        CommissionPolicy.LineTerms line = new CommissionPolicy.LineTerms(quantity, paid,
                product == null ? null : product.commissionPercent(),
                product == null || product.commissionFixedAmount() == null ? null
                        : product.commissionFixedAmount().amount());
        Money level1 = CommissionPolicy.amount(line, 1, level1Percent, level2Percent);
        Money level2 = rules.levelTwoOn()
                ? CommissionPolicy.amount(line, 2, level1Percent, level2Percent)
                : Money.zero(goods.currency());
        Money fee = WithdrawalService.feeFor(level1.plus(level2), rules.withdrawalFeePercent());
        return new Quote(goods, welcome, paid, level1, level2, rules.levelTwoOn(), fee,
                paid.minus(level1).minus(level2).plus(fee));
    }
}

package com.micromall.distribution.internal;

import com.micromall.catalog.ProductSummary;
import com.micromall.settings.DistributionSettings;
import com.micromall.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a referred friend's first order would cost and earn under the given rules, for the owner's
 * what-if simulator. It adds no rule of its own: the welcome discount is {@link WelcomeDiscounts#amount}
 * and each level's commission is {@link CommissionPolicy#amount}, exactly as checkout and crediting
 * call them, on the base crediting uses (what the friend paid for the goods, shipping excluded).
 * The distributor's optional friend's share is not included: it is each sharer's own choice.
 */
public final class CommissionQuote {

    /** The simulator's figures; level2 is zero when level 2 is off. shopNet = friendPays - commissions + fee. */
    public record Quote(Money goods, Money welcomeDiscount, Money friendPays, Money level1, Money level2,
                        boolean levelTwoOn, Money withdrawalFee, Money shopNet) {
    }

    private CommissionQuote() {
    }

    /**
     * A basket of one line: {@code quantity} of {@code product} (its override applies), or, without a
     * product, goods worth {@code goods} at the shop's rates.
     */
    public static Quote firstReferredOrder(DistributionSettings rules, Money goods, @Nullable ProductSummary product,
                                           int quantity) {
        Money welcome = WelcomeDiscounts.amount(rules, goods);
        Money paid = goods.minus(welcome);
        CommissionPolicy.LineTerms line = new CommissionPolicy.LineTerms(quantity, paid,
                product == null ? null : product.commissionPercent(),
                product == null || product.commissionFixedAmount() == null ? null
                        : product.commissionFixedAmount().amount());
        Money level1 = CommissionPolicy.amount(line, 1, rules.level1Percent(), rules.level2Percent());
        Money level2 = rules.levelTwoOn()
                ? CommissionPolicy.amount(line, 2, rules.level1Percent(), rules.level2Percent())
                : Money.zero(goods.currency());
        Money fee = WithdrawalService.feeFor(level1.plus(level2), rules.withdrawalFeePercent());
        return new Quote(goods, welcome, paid, level1, level2, rules.levelTwoOn(), fee,
                paid.minus(level1).minus(level2).plus(fee));
    }
}

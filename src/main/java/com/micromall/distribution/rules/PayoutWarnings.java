package com.micromall.distribution.rules;

import com.micromall.catalog.CommissionShareCheck;
import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.distribution.rules.CommissionQuote.UnitPayout;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Warns the owner before rates are saved that would pay sharers more than
 * {@link CommissionQuote#SENSIBLE_SHARE_PERCENT} of a product's price (levels 1 and 2 together, one unit at full
 * price). The messages carry their money already formatted in the owner's language.
 */
@Component
@RequiredArgsConstructor
public class PayoutWarnings implements CommissionShareCheck {

    /** A long list would hide the point: the rest are counted. */
    private static final int NAMED_AT_MOST = 5;

    private final DistributionSettingsService settings;
    private final ProductApi products;

    /** A product's override under the saved shop rules. */
    @Override
    public List<MessageSourceResolvable> warnings(String productName, Money price, @Nullable BigDecimal commissionPercent,
                                                  @Nullable BigDecimal commissionFixedAmount) {
        UnitPayout payout = CommissionQuote.perUnit(settings.current(), price, commissionPercent, commissionFixedAmount);
        return payout.aboveSensibleShare() ? List.of(product(productName, payout)) : List.of();
    }

    /**
     * What saving {@code next} would newly pay beyond a sensible share: the shop's own rates when they rise above
     * it, and each product on sale with its own rate that {@code next} pushes past it. What was already above it
     * was accepted before, so saving unrelated settings does not ask again.
     */
    public List<MessageSourceResolvable> forRules(DistributionSettings next) {
        DistributionSettings now = settings.current();
        List<MessageSourceResolvable> found = new ArrayList<>();
        BigDecimal share = shopShare(next);
        if (share.compareTo(CommissionQuote.SENSIBLE_SHARE_PERCENT) > 0 && share.compareTo(shopShare(now)) > 0) {
            found.add(message("rates.payout.shopRate", share.stripTrailingZeros().toPlainString(), sensible()));
        }
        List<MessageSourceResolvable> named = products.onSaleByName().stream()
                .filter(p -> p.commissionPercent() != null || p.commissionFixedAmount() != null)
                .map(p -> pushedPastSensible(p, now, next))
                .filter(Objects::nonNull)
                .toList();
        found.addAll(named.stream().limit(NAMED_AT_MOST).toList());
        if (named.size() > NAMED_AT_MOST) {
            found.add(message("rates.payout.more", named.size() - NAMED_AT_MOST));
        }
        return found;
    }

    private static @Nullable MessageSourceResolvable pushedPastSensible(ProductSummary product, DistributionSettings now,
                                                                        DistributionSettings next) {
        UnitPayout after = CommissionQuote.perUnit(next, product);
        boolean before = CommissionQuote.perUnit(now, product).aboveSensibleShare();
        return after.aboveSensibleShare() && !before ? product(product.name(), after) : null;
    }

    /** Levels 1 and 2 at the shop's rate, as a share of any price. */
    private static BigDecimal shopShare(DistributionSettings rules) {
        return rules.levelTwoOn() ? rules.level1Percent().add(rules.level2Percent()) : rules.level1Percent();
    }

    private static MessageSourceResolvable product(String name, UnitPayout payout) {
        Locale locale = LocaleContextHolder.getLocale();
        BigDecimal percent = payout.percentOfPrice();
        String code = percent == null ? "rates.payout.productFree"
                : payout.level2().isZero() ? "rates.payout.productLevelOne" : "rates.payout.product";
        return message(code, name,
                payout.price().format(locale), payout.total().format(locale), payout.level1().format(locale),
                payout.level2().format(locale), percent == null ? "" : percent.toPlainString(), sensible());
    }

    private static String sensible() {
        return CommissionQuote.SENSIBLE_SHARE_PERCENT.toPlainString();
    }

    private static MessageSourceResolvable message(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }
}

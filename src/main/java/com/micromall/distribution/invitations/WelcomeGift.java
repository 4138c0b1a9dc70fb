package com.micromall.distribution.invitations;

import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The welcome discount a referred friend gets on their first order, as the invitation banner promises it and
 * checkout takes it off; the one definition of its terms.
 */
public final class WelcomeGift {

    /**
     * The welcome terms in the shop's currency, as the banner and the checkout line state them: a percentage
     * with an optional cap, or a fixed amount. Amounts are rounded down to the currency's minor unit, the
     * same as what checkout takes off.
     */
    public record Terms(WelcomeKind kind, BigDecimal percent, @Nullable Money fixed, @Nullable Money cap) {

        /** Whether a first order gets anything off at all. */
        public boolean offered() {
            return kind == WelcomeKind.FIXED ? fixed != null && fixed.isPositive()
                    : percent.signum() > 0 && (cap == null || cap.isPositive());
        }

        /** The percentage as the friend reads it: "10", "12.5". */
        public String percentText() {
            return percent.stripTrailingZeros().toPlainString();
        }

        /** What the welcome discount takes off {@code goods}: never more than the goods, nor than the cap. */
        public Money welcomeOn(Money goods) {
            if (kind == WelcomeKind.FIXED) {
                return fixed == null ? Money.zero(goods.currency()) : fixed.min(goods).max(Money.zero(goods.currency()));
            }
            Money amount = goods.percent(percent, RoundingMode.DOWN);
            return cap == null ? amount : amount.min(cap);
        }
    }

    private WelcomeGift() {
    }

    public static Terms terms(DistributionSettings rules, Currency currency) {
        if (rules.welcomeKind() == WelcomeKind.FIXED) {
            return new Terms(WelcomeKind.FIXED, BigDecimal.ZERO,
                    Money.of(rules.welcomeValue(), currency, RoundingMode.DOWN), null);
        }
        return new Terms(WelcomeKind.PERCENT, rules.welcomeValue(), null,
                rules.welcomeCap() == null ? null : Money.of(rules.welcomeCap(), currency, RoundingMode.DOWN));
    }
}

package com.micromall.distribution.internal;

import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The referred friend's gift on their first order, defined once: the welcome discount (its terms and what
 * it takes off a basket) and the friend's share a distributor may give out of their level-1 commission.
 * The invitation banner, checkout's discount lines, the owner's what-if quote and the rewards page's
 * examples all ask it, so they can never tell the friend different things.
 */
final class FriendsGift {

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

    /**
     * What the friend gets on a basket.
     *
     * @param welcome the welcome discount
     * @param friendShare the part of the sharer's level-1 commission the sharer gives the friend (zero when none)
     * @param level1Commission what the sharer would earn at level 1 on the basket after the welcome discount,
     *                         before giving the friend's share
     */
    public record Gift(Money welcome, Money friendShare, Money level1Commission) {

        public Money total() {
            return welcome.plus(friendShare);
        }

        /** What the sharer keeps of the level-1 commission. */
        public Money kept() {
            return level1Commission.minus(friendShare);
        }
    }

    private FriendsGift() {
    }

    public static Terms terms(DistributionSettings rules, Currency currency) {
        if (rules.welcomeKind() == WelcomeKind.FIXED) {
            return new Terms(WelcomeKind.FIXED, BigDecimal.ZERO,
                    Money.of(rules.welcomeValue(), currency, RoundingMode.DOWN), null);
        }
        return new Terms(WelcomeKind.PERCENT, rules.welcomeValue(), null,
                rules.welcomeCap() == null ? null : Money.of(rules.welcomeCap(), currency, RoundingMode.DOWN));
    }

    /**
     * The gift on a first order of {@code lines}: the welcome discount, then {@code sharePercent} of the level-1
     * commission on what is left (the friend's share, 0 when the sharer gives none or cannot earn), both never
     * more than {@code remaining}, what is still to pay when the gift is asked.
     */
    static Gift on(DistributionSettings rules, List<FriendShare.Line> lines, int sharePercent, Money remaining) {
        Money goods = Money.zero(remaining.currency());
        for (FriendShare.Line line : lines) {
            goods = goods.plus(line.lineTotal());
        }
        Money welcome = terms(rules, goods.currency()).welcomeOn(goods).min(remaining);
        FriendShare.Split split = FriendShare.split(sharePercent, lines, welcome, rules.level1Percent());
        return new Gift(welcome, split.gift().min(remaining.minus(welcome)), split.commission());
    }
}

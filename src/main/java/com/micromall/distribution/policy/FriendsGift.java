package com.micromall.distribution.policy;

import com.micromall.distribution.invitations.WelcomeGift;

import com.micromall.settings.DistributionSettings;
import com.micromall.shared.Money;
import java.util.List;

/**
 * The referred friend's gift on their first order, defined once: the welcome discount ({@link WelcomeGift}) and
 * the friend's share a distributor may give out of their level-1 commission.
 * The invitation banner, checkout's discount lines, the owner's what-if quote and the rewards page's
 * examples all ask it, so they can never tell the friend different things.
 */
public final class FriendsGift {

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

    /**
     * The gift on a first order of {@code lines}: the welcome discount, then {@code sharePercent} of the level-1
     * commission on what is left (the friend's share, 0 when the sharer gives none or cannot earn), both never
     * more than {@code remaining}, what is still to pay when the gift is asked.
     */
    public static Gift on(DistributionSettings rules, List<FriendShare.Line> lines, int sharePercent, Money remaining) {
        Money goods = Money.zero(remaining.currency());
        for (FriendShare.Line line : lines) {
            goods = goods.plus(line.lineTotal());
        }
        Money welcome = WelcomeGift.terms(rules, goods.currency()).welcomeOn(goods).min(remaining);
        FriendShare.Split split = FriendShare.split(sharePercent, lines, welcome, rules.level1Percent());
        return new Gift(welcome, split.gift().min(remaining.minus(welcome)), split.commission());
    }
}

package com.micromall.distribution.rewards;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.payout.StoreCredit;
import com.micromall.distribution.policy.FriendShare;
import com.micromall.distribution.policy.FriendsGift;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.DistributorStatus;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.referral.RewardForms;

import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A distributor's own reward choices: cash, store credit or points (among the forms the owner offers), and the
 * friend's share. Not money
 * actions (nothing moves when they change), but written to the audit log so the owner can see
 * when a choice changed.
 */
@Service
@RequiredArgsConstructor
public class DistributorRewards {

    /** The friend's shares a distributor may choose, in per cent. */
    public static final List<Integer> SHARE_CHOICES = DistributorChoices.SHARE_CHOICES;

    /** The sample first order the rewards page explains the friend's share with. */
    public static final BigDecimal SAMPLE_BASKET = new BigDecimal("100.00");

    /** The sample commission the rewards page explains each form with. */
    static final BigDecimal SAMPLE_COMMISSION = new BigDecimal("10.00");

    /**
     * @param rewardForm what the distributor chose; {@code inForce} is what new commission is credited as (the same
     *     unless the owner stopped offering the choice)
     * @param spendableCredit what the available money is worth as store credit (also when CASH: what it would be)
     * @param paidAsPoints what their POINTS commission holds: no cash, in none of the balances
     * @param options the forms the owner offers, each with its bonus shown on the sample commission
     */
    public record RewardsView(DistributorStatus status, RewardForm rewardForm, RewardForm inForce, int friendSharePercent,
                              Money available, Money spendableCredit, BigDecimal bonusPercent, Money paidAsPoints,
                              List<FormOption> options, List<ShareExample> examples) {

        public boolean chosenOffered() {
            return rewardForm == inForce;
        }

        public boolean offers(RewardForm form) {
            return options.stream().anyMatch(o -> o.form() == form);
        }

        public boolean offersStoreCredit() {
            return offers(RewardForm.STORE_CREDIT);
        }
    }

    /** A form on offer: its bonus (zero for cash) and what the sample commission is worth taken this way. */
    public record FormOption(RewardForm form, BigDecimal bonusPercent, Money sample, Money sampleWorth) {

        public String bonus() {
            return bonusPercent.stripTrailingZeros().toPlainString();
        }
    }

    /** On a sample first order of {@code basket}: the friend's extra discount and what the sharer keeps. */
    public record ShareExample(int percent, Money basket, Money friendGets, Money youEarn) {
    }

    private final DistributorChoices choices;
    private final DistributionApi ledger;
    private final StoreCredit storeCredit;
    private final DistributionSettingsService settings;
    private final ShopSettingsService shopSettings;
    private final RewardForms rewardForms;

    @Transactional(readOnly = true)
    public Optional<RewardsView> view(long customerId) {
        return choices.of(customerId).map(chosen -> {
            Money available = ledger.balancesOf(customerId).available();
            RewardForms.Rules rules = rewardForms.current();
            return new RewardsView(chosen.status(), chosen.rewardForm(), rules.inForce(chosen.rewardForm()),
                    chosen.friendSharePercent(), available, storeCredit.worth(available), storeCredit.bonusPercent(),
                    ledger.paidAsPointsBy(customerId), options(rules), examples());
        });
    }

    /** The offered forms in the order of {@link RewardForm}, each priced on the sample commission. */
    List<FormOption> options(RewardForms.Rules rules) {
        Money sample = Money.of(SAMPLE_COMMISSION, shopSettings.current().currency());
        return java.util.Arrays.stream(RewardForm.values()).filter(rules::allows).map(form -> {
            BigDecimal bonus = switch (form) {
                case CASH -> BigDecimal.ZERO;
                case STORE_CREDIT -> storeCredit.bonusPercent();
                case POINTS -> rules.pointsBonusPercent();
            };
            return new FormOption(form, bonus, sample,
                    sample.times(BigDecimal.ONE.add(bonus.movePointLeft(2)), RoundingMode.DOWN));
        }).toList();
    }

    /** The friend's share on the sample first order, for every choice, by the same code as checkout. */
    List<ShareExample> examples() {
        DistributionSettings rules = settings.current();
        Money basket = Money.of(SAMPLE_BASKET, shopSettings.current().currency());
        List<FriendShare.Line> lines = List.of(new FriendShare.Line(1, basket, null, null));
        return SHARE_CHOICES.stream().map(percent -> {
            FriendsGift.Gift gift = FriendsGift.on(rules, lines, percent, basket);
            return new ShareExample(percent, basket, gift.friendShare(), gift.kept());
        }).toList();
    }

}

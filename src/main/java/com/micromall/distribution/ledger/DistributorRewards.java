package com.micromall.distribution.ledger;

import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.DistributorStatus;
import com.micromall.distribution.RewardForm;

import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A distributor's own reward choices: cash or store credit, and the friend's share. Not money
 * actions (nothing moves when they change), but written to the audit log so the owner can see
 * when a choice changed.
 */
@Service
@RequiredArgsConstructor
public class DistributorRewards {

    /** The friend's shares a distributor may choose, in per cent. */
    public static final List<Integer> SHARE_CHOICES = DistributorChoices.SHARE_CHOICES;

    /** The sample first order the rewards page explains the friend's share with. */
    static final BigDecimal SAMPLE_BASKET = new BigDecimal("100.00");

    /**
     * @param spendableCredit what the available money is worth as store credit (also when CASH: what it would be)
     */
    public record RewardsView(DistributorStatus status, RewardForm rewardForm, int friendSharePercent, Money available,
                              Money spendableCredit, BigDecimal bonusPercent, List<ShareExample> examples) {
    }

    /** On a sample first order of {@code basket}: the friend's extra discount and what the sharer keeps. */
    public record ShareExample(int percent, Money basket, Money friendGets, Money youEarn) {
    }

    private final DistributorChoices choices;
    private final DistributionApi ledger;
    private final StoreCredit storeCredit;
    private final DistributionSettingsService settings;
    private final ShopSettingsService shopSettings;
    private final AuditLog auditLog;

    @Transactional(readOnly = true)
    public Optional<RewardsView> view(long customerId) {
        return choices.of(customerId).map(chosen -> {
            Money available = ledger.balancesOf(customerId).available();
            return new RewardsView(chosen.status(), chosen.rewardForm(), chosen.friendSharePercent(), available, storeCredit.worth(available),
                    storeCredit.bonusPercent(), examples());
        });
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

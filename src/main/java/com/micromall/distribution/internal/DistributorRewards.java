package com.micromall.distribution.internal;

import com.micromall.distribution.DistributionApi;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
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
    public static final List<Integer> SHARE_CHOICES = FriendShare.CHOICES;

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

    private final DistributorRepository distributors;
    private final DistributionApi ledger;
    private final StoreCredit storeCredit;
    private final DistributionSettingsService settings;
    private final ShopSettingsService shopSettings;
    private final AuditLog auditLog;

    @Transactional(readOnly = true)
    public Optional<RewardsView> view(long customerId) {
        return distributors.findById(customerId).map(distributor -> {
            Money available = ledger.balancesOf(customerId).available();
            return new RewardsView(distributor.getStatus(), distributor.getRewardForm(),
                    distributor.getFriendSharePercent(), available, storeCredit.worth(available),
                    storeCredit.bonusPercent(), examples());
        });
    }

    /** The friend's share on the sample first order, for every choice, by the same code as checkout. */
    List<ShareExample> examples() {
        DistributionSettings rules = settings.current();
        Money basket = Money.of(SAMPLE_BASKET, shopSettings.current().currency());
        List<FriendShare.Line> lines = List.of(new FriendShare.Line(1, basket, null, null));
        return FriendShare.CHOICES.stream().map(percent -> {
            FriendsGift.Gift gift = FriendsGift.on(rules, lines, percent, basket);
            return new ShareExample(percent, basket, gift.friendShare(), gift.kept());
        }).toList();
    }

    @Transactional
    public void chooseRewardForm(long customerId, RewardForm form, String actor) {
        Distributor distributor = find(customerId);
        RewardForm before = distributor.getRewardForm();
        distributor.chooseRewardForm(form);
        if (before != form) {
            auditLog.record(actor, "distribution.rewardForm", "customer " + customerId, before.name(), form.name());
        }
    }

    @Transactional
    public void chooseFriendShare(long customerId, int percent, String actor) {
        Distributor distributor = find(customerId);
        int before = distributor.getFriendSharePercent();
        distributor.chooseFriendShare(percent);
        if (before != percent) {
            auditLog.record(actor, "distribution.friendShare", "customer " + customerId, before + "%", percent + "%");
        }
    }

    private Distributor find(long customerId) {
        return distributors.findById(customerId).orElseThrow(() -> new NotFoundException("distributor " + customerId));
    }
}

package com.micromall.distribution.payout;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.RewardForm;

import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Store credit: a STORE_CREDIT distributor's available money, spendable at checkout and worth the
 * owner's bonus more (available × (1 + bonus %), rounded down to the cent). CASH distributors, and
 * anyone whose available money is zero or negative, have none.
 */
@Component
@RequiredArgsConstructor
public class StoreCredit {

    private final DistributorChoices choices;
    private final DistributionApi ledger;
    private final DistributionSettingsService settings;
    private final ShopSettingsService shopSettings;

    /** What the customer may spend as store credit right now (zero when CASH, not a distributor, or nothing available). */
    @Transactional(readOnly = true)
    public Money balanceOf(long customerId) {
        // Most buyers are no STORE_CREDIT distributor: their balances are not read at all.
        boolean storeCredit = choices.of(customerId)
                .map(c -> c.rewardForm() == RewardForm.STORE_CREDIT).orElse(false);
        return storeCredit ? worth(ledger.balancesOf(customerId).available())
                : Money.zero(shopSettings.current().currency());
    }

    /** What {@code available} cash is worth as store credit: × (1 + bonus %), rounded down; zero when not positive. */
    public Money worth(Money available) {
        if (!available.isPositive()) {
            return Money.zero(available.currency());
        }
        return available.times(factor(), RoundingMode.DOWN);
    }

    /** The cash a credit of {@code credit} takes out of available: credit ÷ (1 + bonus %), rounded up to the cent. */
    Money cashFor(Money credit) {
        return Money.of(credit.amount().divide(factor(), credit.amount().scale(), RoundingMode.UP), credit.currency());
    }

    public BigDecimal bonusPercent() {
        return settings.current().storeCreditBonusPercent();
    }

    private BigDecimal factor() {
        return BigDecimal.ONE.add(bonusPercent().movePointLeft(2));
    }
}

package com.micromall.distribution.referral;

import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import com.micromall.distribution.ShareInvitation.FriendBenefit;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A customer's own share link and the friend's welcome benefit, for mails: the same link the dashboard shows, and
 * only when it earns (an ACTIVE distributor, enrolled on the spot while the owner enrols everyone).
 */
@Component
@RequiredArgsConstructor
class OwnInvitations implements ShareInvitations {

    private final DistributorEnrolment enrolment;
    private final DistributionSettingsService distributionSettings;
    private final ShopSettingsService shopSettings;

    @Override
    public Optional<ShareInvitation> invitationOf(long customerId) {
        return enrolment.codeFor(customerId)
                .filter(distributor -> distributor.status() == DistributorStatus.ACTIVE)
                .map(distributor -> new ShareInvitation(distributor.code(),
                        DistributorEnrolment.sharePath(distributor.code()), friendBenefit()));
    }

    private FriendBenefit friendBenefit() {
        DistributionSettings rules = distributionSettings.current();
        if (rules.welcomeValue().signum() <= 0) {
            return new FriendBenefit(null, null, null);
        }
        Currency currency = shopSettings.current().currency();
        if (rules.welcomeKind() == WelcomeKind.FIXED) {
            return new FriendBenefit(null, null, money(rules.welcomeValue(), currency));
        }
        return new FriendBenefit(rules.welcomeValue().stripTrailingZeros(),
                rules.welcomeCap() == null ? null : money(rules.welcomeCap(), currency), null);
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency, RoundingMode.DOWN);
    }
}

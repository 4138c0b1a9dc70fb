package com.micromall.distribution.invitations;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.DistributorStatus;
import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import com.micromall.distribution.ShareInvitation.FriendBenefit;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
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
    private final java.util.List<SharerTerms> sharerTerms;

    @Override
    public Optional<ShareInvitation> invitationOf(long customerId) {
        return enrolment.codeFor(customerId)
                .filter(distributor -> distributor.status() == DistributorStatus.ACTIVE)
                .map(distributor -> new ShareInvitation(distributor.code(),
                        DistributorEnrolment.sharePath(distributor.code()), friendBenefit(customerId)));
    }

    /** The benefit as {@link WelcomeGift} defines it, so the mail promises what the banner and checkout give. */
    private FriendBenefit friendBenefit(long sharerId) {
        WelcomeGift.Terms terms = WelcomeGift.terms(SharerTerms.apply(sharerTerms, sharerId, distributionSettings.current()),
                shopSettings.current().currency());
        if (!terms.offered()) {
            return new FriendBenefit(null, null, null);
        }
        return terms.kind() == WelcomeKind.FIXED ? new FriendBenefit(null, null, terms.fixed())
                : new FriendBenefit(terms.percent().stripTrailingZeros(), terms.cap(), null);
    }
}

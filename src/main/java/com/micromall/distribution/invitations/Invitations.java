package com.micromall.distribution.invitations;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralCodes;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.order.OrderHistory;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an invited visitor is told: the sharer's first name and the welcome benefit. Never the
 * sharer's commission.
 */
@Service
@RequiredArgsConstructor
public class Invitations {

    /**
     * The banner: {@code messageKey} with args (first name, percent or amount[, cap]).
     * {@code amount}/{@code cap} are Money so templates format them in the shop's currency.
     */
    public record Invitation(String sharerFirstName, String messageKey, @Nullable String percent,
                             @Nullable Money amount, @Nullable Money cap) {
    }

    private final DistributorEnrolment enrolment;
    private final CustomerApi customers;
    private final ReferralBindings bindings;
    private final OrderHistory orderHistory;
    private final DistributionSettingsService distributionSettings;
    private final ShopSettingsService shopSettings;
    private final java.util.List<SharerTerms> sharerTerms;

    /** The invitation an ACTIVE distributor's code stands for, for a visitor (customerId null) or a customer yet to be bound and to order. */
    @Transactional(readOnly = true)
    public Optional<Invitation> forCode(@Nullable String code, @Nullable Long customerId) {
        String normalized = ReferralCodes.normalize(code);
        if (normalized == null) {
            return Optional.empty();
        }
        Optional<Long> distributor = enrolment.activeByCode(normalized);
        if (distributor.isEmpty()) {
            return Optional.empty();
        }
        long sharerId = distributor.get();
        if (customerId != null && (customerId == sharerId || bindings.referrerOf(customerId).isPresent()
                || orderHistory.hasOrdersOtherThanCancelled(customerId))) {
            return Optional.empty();
        }
        return customers.find(sharerId).map(sharer -> invitation(firstName(sharer), sharerId));
    }

    /** The banner states the terms {@link WelcomeGift} defines, so checkout's line takes off what it promised. */
    private Invitation invitation(String firstName, long sharerId) {
        WelcomeGift.Terms terms = WelcomeGift.terms(SharerTerms.apply(sharerTerms, sharerId, distributionSettings.current()),
                shopSettings.current().currency());
        if (!terms.offered()) {
            return new Invitation(firstName, "distribution.invitation.plain", null, null, null);
        }
        if (terms.kind() == WelcomeKind.FIXED) {
            return new Invitation(firstName, "distribution.invitation.fixed", null, terms.fixed(), null);
        }
        return new Invitation(firstName, terms.cap() == null ? "distribution.invitation.percent"
                : "distribution.invitation.percentCapped", terms.percentText(), null, terms.cap());
    }

    /** The first word of the name: invitations never show a full name. */
    public static String firstName(CustomerProfile customer) {
        String name = customer.name().strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}

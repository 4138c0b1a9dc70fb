package com.micromall.distribution.reporting;

import com.micromall.distribution.CustomerSharing;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.referral.Distributors;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralBindings.BindingDetails;
import com.micromall.distribution.referral.ReferralNetwork;
import com.micromall.distribution.referral.ReferralSource;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One customer's sharing for the owner's customer file: the dashboard's figures, read for any customer. */
@Component
@RequiredArgsConstructor
class CustomerSharingFigures implements CustomerSharing {

    private final Distributors distributors;
    private final DistributionApi ledger;
    private final DistributorDashboard dashboard;
    private final ReferralNetwork network;
    private final ReferralBindings bindings;
    private final ShopSettingsService shopSettings;

    @Override
    @Transactional(readOnly = true)
    public Figures figuresOf(long customerId) {
        var currency = shopSettings.current().currency();
        Optional<Distributors.Summary> distributor = distributors.find(customerId);
        if (distributor.isEmpty()) {
            return new Figures(null, null, 0, 0, 0, Money.zero(currency));
        }
        DistributorDashboard.Figures figures = dashboard.figures(customerId, distributor.get().code());
        BigDecimal earned = ledger.earnedBy(customerId);
        return new Figures(distributor.get().code(), distributor.get().status().name(), figures.clicks(),
                figures.signUps(), figures.firstOrders(), Money.of(earned, currency));
    }

    @Override
    public Optional<Long> inviterOf(long customerId) {
        return network.referrerOf(customerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Inviter> invitationOf(long customerId) {
        return network.referrerOf(customerId).flatMap(inviter -> bindings.detailsOf(customerId)
                .map(details -> new Inviter(inviter, how(details), details.protectedUntil())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Invitee> inviteesOf(long customerId, int limit) {
        List<DistributorDashboard.Invitee> invitees = dashboard.invitees(customerId, limit);
        Map<Long, BindingDetails> details = bindings.detailsOf(customerId,
                invitees.stream().map(DistributorDashboard.Invitee::customerId).toList());
        return invitees.stream().map(i -> {
            BindingDetails d = details.get(i.customerId());
            return new Invitee(i.customerId(), i.boundAt(), i.hasOrdered(), d == null ? ReferralSource.LINK.name() : how(d),
                    d == null ? null : d.protectedUntil());
        }).toList();
    }

    private static String how(BindingDetails details) {
        return details.takenOver() ? "TAKEN_OVER" : details.source().name();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> customersWhoInvited() {
        return network.referrers();
    }
}

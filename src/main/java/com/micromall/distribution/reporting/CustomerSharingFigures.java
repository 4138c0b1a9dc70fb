package com.micromall.distribution.reporting;

import com.micromall.distribution.CustomerSharing;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.referral.Distributors;
import com.micromall.distribution.referral.ReferralNetwork;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.List;
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
    public List<Invitee> inviteesOf(long customerId, int limit) {
        return dashboard.invitees(customerId, limit).stream()
                .map(i -> new Invitee(i.customerId(), i.boundAt(), i.hasOrdered())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> customersWhoInvited() {
        return network.referrers();
    }
}

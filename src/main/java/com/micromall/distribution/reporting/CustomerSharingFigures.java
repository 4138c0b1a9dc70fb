package com.micromall.distribution.reporting;

import com.micromall.distribution.CustomerSharing;
import com.micromall.distribution.referral.ReferralNetwork;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One customer's sharing for the owner's customer file: the dashboard's figures, read for any customer. */
@Component
@RequiredArgsConstructor
class CustomerSharingFigures implements CustomerSharing {

    private final JdbcClient jdbc;
    private final DistributorDashboard dashboard;
    private final ReferralNetwork network;
    private final ShopSettingsService shopSettings;

    @Override
    @Transactional(readOnly = true)
    public Figures figuresOf(long customerId) {
        var currency = shopSettings.current().currency();
        record Distributor(String code, String status) {
        }
        Optional<Distributor> distributor = jdbc.sql("SELECT code, status FROM distributor WHERE customer_id = :id")
                .param("id", customerId).query((rs, i) -> new Distributor(rs.getString("code"), rs.getString("status")))
                .optional();
        if (distributor.isEmpty()) {
            return new Figures(null, null, 0, 0, 0, Money.zero(currency));
        }
        DistributorDashboard.Figures figures = dashboard.figures(customerId, distributor.get().code());
        BigDecimal earned = jdbc.sql("SELECT earned FROM distributor_account WHERE distributor_id = :id")
                .param("id", customerId).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
        return new Figures(distributor.get().code(), distributor.get().status(), figures.clicks(), figures.signUps(),
                figures.firstOrders(), Money.of(earned, currency));
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
        return new HashSet<>(jdbc.sql("SELECT DISTINCT referrer_id FROM referral_binding").query(Long.class).list());
    }
}

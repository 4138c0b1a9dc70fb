package com.micromall.distribution.referral;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads who referred whom (referral_binding) and who is an active distributor (distributor). */
@Component
@RequiredArgsConstructor
public class ReferralNetwork {

    private final JdbcClient jdbc;

    /** The customer's referrer, whatever the referrer's distributor status. */
    @Transactional(readOnly = true)
    public Optional<Long> referrerOf(long customerId) {
        return jdbc.sql("SELECT referrer_id FROM referral_binding WHERE referee_id = :id")
                .param("id", customerId).query(Long.class).optional();
    }

    /** Who earns from this buyer's orders, as of now (the order snapshot freezes it). */
    @Transactional(readOnly = true)
    public Beneficiaries beneficiariesOf(long buyerId) {
        Optional<Long> referrer = referrerOf(buyerId);
        if (referrer.isEmpty()) {
            return Beneficiaries.NONE;
        }
        Optional<Long> grandReferrer = referrerOf(referrer.get());
        return new Beneficiaries(referrer.filter(this::isActiveDistributor),
                grandReferrer.filter(id -> id != buyerId).filter(this::isActiveDistributor));
    }

    /** Everyone who referred at least one customer. */
    @Transactional(readOnly = true)
    public Set<Long> referrers() {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT referrer_id FROM referral_binding").query(Long.class).list());
    }

    @Transactional(readOnly = true)
    boolean isActiveDistributor(long customerId) {
        return jdbc.sql("SELECT count(*) FROM distributor WHERE customer_id = :id AND status = 'ACTIVE'")
                .param("id", customerId).query(Integer.class).single() > 0;
    }
}

package com.micromall.distribution.referral;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The distributor rows as the other distribution modules read them: code and status, and the money lock. */
@Component
@RequiredArgsConstructor
public class Distributors {

    /** A distributor's code and status. */
    public record Summary(long customerId, String code, DistributorStatus status) {
    }

    private final JdbcClient jdbc;

    /**
     * Locks the distributor row until the surrounding transaction ends; false when there is no such distributor.
     * The ledger's {@code DistributorLocks} is the one caller: the row is the lock on a distributor's spendable money.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lock(long customerId) {
        return jdbc.sql("SELECT customer_id FROM distributor WHERE customer_id = :id FOR UPDATE")
                .param("id", customerId).query(Long.class).optional().isPresent();
    }

    @Transactional(readOnly = true)
    public Optional<Summary> find(long customerId) {
        return jdbc.sql("SELECT customer_id, code, status FROM distributor WHERE customer_id = :id")
                .param("id", customerId)
                .query((rs, i) -> new Summary(rs.getLong("customer_id"), rs.getString("code"),
                        DistributorStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** Which of these customers are ACTIVE distributors, in one query. */
    @Transactional(readOnly = true)
    public Set<Long> activeAmong(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT customer_id FROM distributor WHERE customer_id IN (:ids) AND status = 'ACTIVE'")
                .param("ids", customerIds).query(Long.class).list());
    }

    /** Every ACTIVE distributor, by id (an experiment over all distributors splits them at its start). */
    @Transactional(readOnly = true)
    public java.util.List<Summary> allActive() {
        return jdbc.sql("SELECT customer_id, code, status FROM distributor WHERE status = 'ACTIVE' ORDER BY customer_id")
                .query((rs, i) -> new Summary(rs.getLong("customer_id"), rs.getString("code"),
                        DistributorStatus.valueOf(rs.getString("status"))))
                .list();
    }
}

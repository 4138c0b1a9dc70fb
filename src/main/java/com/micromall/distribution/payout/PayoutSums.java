package com.micromall.distribution.payout;

import com.micromall.distribution.abuse.PayoutAccounts;
import com.micromall.distribution.ledger.Payouts;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money out as the ledger asks for it: withdrawals summed per distributor (rejected ones count nowhere) and store
 * credit spent at checkout (what was given back counts nowhere); and as the abuse guard asks for it: where each
 * customer asked for their withdrawals to be sent.
 */
@Component
@RequiredArgsConstructor
class PayoutSums implements Payouts, PayoutAccounts {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Withdrawn> withdrawalsByDistributor(@Nullable Collection<Long> distributorIds) {
        if (distributorIds != null && distributorIds.isEmpty()) {
            return Map.of();
        }
        String only = distributorIds == null ? "" : " AND distributor_id IN (:ids)";
        var query = jdbc.sql("""
                SELECT distributor_id,
                    COALESCE(SUM(CASE WHEN state = 'REQUESTED' THEN amount END), 0) AS withdrawing,
                    COALESCE(SUM(CASE WHEN state = 'PAID' THEN amount END), 0) AS withdrawn
                FROM withdrawal WHERE state IN ('REQUESTED', 'PAID')""" + only + " GROUP BY distributor_id");
        if (distributorIds != null) {
            query = query.param("ids", distributorIds);
        }
        return query.query((rs, i) -> Map.entry(rs.getLong("distributor_id"),
                        new Withdrawn(rs.getBigDecimal("withdrawing"), rs.getBigDecimal("withdrawn"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> creditSpentByDistributor(@Nullable Collection<Long> distributorIds) {
        if (distributorIds != null && distributorIds.isEmpty()) {
            return Map.of();
        }
        String only = distributorIds == null ? "" : " AND distributor_id IN (:ids)";
        var query = jdbc.sql("SELECT distributor_id, SUM(cash_amount) AS spent FROM store_credit_spend"
                + " WHERE restored_at IS NULL" + only + " GROUP BY distributor_id");
        if (distributorIds != null) {
            query = query.param("ids", distributorIds);
        }
        return query.query((rs, i) -> Map.entry(rs.getLong("distributor_id"), rs.getBigDecimal("spent")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> accountDetailsOf(long customerId) {
        return jdbc.sql("SELECT DISTINCT account_details FROM withdrawal WHERE distributor_id = :c")
                .param("c", customerId).query(String.class).list();
    }
}

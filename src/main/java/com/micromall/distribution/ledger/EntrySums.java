package com.micromall.distribution.ledger;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entries summed per distributor by state and by kind, in one pass over the ledger: what the owner's
 * reconciliation (oversight's) checks the cached balances against. Staff commission (level 0) is left out, as no
 * sharer's account holds it.
 */
@Component
@RequiredArgsConstructor
public class EntrySums {

    private final JdbcClient jdbc;

    /**
     * Frozen, on hold, available and clawed back (positive) of the cash accounts' entries (cash and store credit);
     * credited, reversed (positive) and voided of every reward form; what POINTS entries hold and had clawed back.
     */
    public record Sums(BigDecimal frozen, BigDecimal onHold, BigDecimal available, BigDecimal credited,
                       BigDecimal reversed, BigDecimal clawedBack, BigDecimal voided, BigDecimal asPoints,
                       BigDecimal pointsClawedBack) {

        public static final Sums NONE = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * Per distributor with entries.
     *
     * @param distributorIds only these, or every distributor when null
     */
    @Transactional(readOnly = true)
    public Map<Long, Sums> byDistributor(@Nullable Collection<Long> distributorIds) {
        if (distributorIds != null && distributorIds.isEmpty()) {
            return Map.of();
        }
        String only = distributorIds == null ? " WHERE level > 0" : " WHERE level > 0 AND distributor_id IN (:ids)";
        var query = jdbc.sql("""
                SELECT distributor_id,
                    COALESCE(SUM(CASE WHEN cash AND state = 'FROZEN' THEN amount END), 0) AS frozen,
                    COALESCE(SUM(CASE WHEN cash AND state = 'ON_HOLD' THEN amount END), 0) AS on_hold,
                    COALESCE(SUM(CASE WHEN cash AND state = 'AVAILABLE' THEN amount END), 0) AS available,
                    COALESCE(SUM(CASE WHEN state = 'VOID' THEN amount END), 0) AS voided,
                    COALESCE(SUM(CASE WHEN kind = 'COMMISSION' THEN amount END), 0) AS credited,
                    -COALESCE(SUM(CASE WHEN kind = 'REVERSAL' THEN amount END), 0) AS reversed,
                    -COALESCE(SUM(CASE WHEN cash AND kind = 'CLAWBACK' THEN amount END), 0) AS clawed_back,
                    COALESCE(SUM(CASE WHEN NOT cash AND state IN ('FROZEN', 'ON_HOLD', 'AVAILABLE') THEN amount END), 0)
                        AS as_points,
                    -COALESCE(SUM(CASE WHEN NOT cash AND kind = 'CLAWBACK' THEN amount END), 0) AS points_clawed_back
                FROM (SELECT distributor_id, state, kind, amount, reward_form <> 'POINTS' AS cash FROM commission_entry""" + only + ") e GROUP BY distributor_id");
        if (distributorIds != null) {
            query = query.param("ids", distributorIds);
        }
        return query.query((rs, i) -> Map.entry(rs.getLong("distributor_id"), new Sums(rs.getBigDecimal("frozen"),
                        rs.getBigDecimal("on_hold"), rs.getBigDecimal("available"), rs.getBigDecimal("credited"),
                        rs.getBigDecimal("reversed"), rs.getBigDecimal("clawed_back"), rs.getBigDecimal("voided"),
                        rs.getBigDecimal("as_points"), rs.getBigDecimal("points_clawed_back"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

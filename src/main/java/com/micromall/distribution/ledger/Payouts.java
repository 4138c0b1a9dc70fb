package com.micromall.distribution.ledger;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code payout} reports about the money it took out of available balances (withdrawals and store credit spent
 * at checkout), for {@link DistributorAccounts#recompute}: the ledger cannot read payout's tables, and payout depends
 * on the ledger, not the other way round. Oversight's reconciliation asks the same bean directly.
 */
public interface Payouts {

    /** What the ledger sees when payout is not there (a test of the ledger alone): no withdrawals, no credit spent. */
    Payouts NONE = new Payouts() {

        @Override
        public Map<Long, Withdrawn> withdrawalsByDistributor(@Nullable Collection<Long> distributorIds) {
            return Map.of();
        }

        @Override
        public Map<Long, BigDecimal> creditSpentByDistributor(@Nullable Collection<Long> distributorIds) {
            return Map.of();
        }

    };

    /**
     * Per distributor (only those with withdrawals), fee included.
     *
     * @param distributorIds only these, or every distributor when null
     */
    Map<Long, Withdrawn> withdrawalsByDistributor(@Nullable Collection<Long> distributorIds);

    /**
     * Store credit spent at checkout and not given back, in the cash it took out of available, per distributor (only
     * those with such spends).
     *
     * @param distributorIds only these, or every distributor when null
     */
    Map<Long, BigDecimal> creditSpentByDistributor(@Nullable Collection<Long> distributorIds);

    /**
     * @param withdrawing requested and not decided yet
     * @param withdrawn paid out
     */
    record Withdrawn(BigDecimal withdrawing, BigDecimal withdrawn) {
    }
}

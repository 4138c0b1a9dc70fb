package com.micromall.distribution.ledger;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code payout} reports about the money it took out of available balances, for {@link Reconciliation} and
 * {@link DistributorAccounts#recompute}: the ledger cannot read payout's tables, and payout depends on the ledger, not
 * the other way round.
 */
public interface Payouts {

    /** What the ledger sees when payout is not there (a test of the ledger alone): no withdrawals. */
    Payouts NONE = new Payouts() {

        @Override
        public Map<Long, Withdrawn> withdrawalsByDistributor(@Nullable Collection<Long> distributorIds) {
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
     * @param withdrawing requested and not decided yet
     * @param withdrawn paid out
     */
    record Withdrawn(BigDecimal withdrawing, BigDecimal withdrawn) {
    }
}

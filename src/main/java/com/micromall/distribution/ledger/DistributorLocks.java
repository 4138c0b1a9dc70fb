package com.micromall.distribution.ledger;

import com.micromall.distribution.referral.Distributors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one lock that guards a distributor's spendable money: everything that takes money out of
 * the available balance (a withdrawal request, store credit spent at checkout) first locks the
 * distributor's row, then reads the balance, then writes. Two such requests for the same
 * distributor therefore run one after the other and can never take the same money.
 */
@Component
@RequiredArgsConstructor
public class DistributorLocks {

    private final Distributors distributors;

    /** Locks the distributor row until the surrounding transaction ends; false when there is no such distributor. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lock(long customerId) {
        return distributors.lock(customerId);
    }
}

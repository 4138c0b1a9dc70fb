package com.micromall.distribution.abuse;

import java.util.List;

/**
 * Where a customer asked for their withdrawals to be sent, as {@code payout} answers it: the guard cannot read payout's
 * tables, and payout depends on this module, not the other way round.
 */
public interface PayoutAccounts {

    /** What the guard sees when payout is not there (a test without it): no withdrawals, so no shared account. */
    PayoutAccounts NONE = customerId -> List.of();

    /** The account details of every withdrawal the customer asked for, as typed, each once. */
    List<String> accountDetailsOf(long customerId);
}

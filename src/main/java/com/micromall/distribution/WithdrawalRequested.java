package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/** A distributor asked for {@code amount} (fee included) to be paid out; it left the available balance. */
public record WithdrawalRequested(long withdrawalId, long distributorId, Money amount, Money fee, Money net,
                                  String method, Instant requestedAt) {
}

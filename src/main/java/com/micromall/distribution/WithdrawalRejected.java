package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/** The owner refused a withdrawal, for {@code reason}; its amount is withdrawable again. */
public record WithdrawalRejected(long withdrawalId, long distributorId, Money amount, String reason,
                                 Instant rejectedAt) {
}

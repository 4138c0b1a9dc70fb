package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;

/** The owner paid a withdrawal out: {@code net} went to the distributor, the bank's or wallet's reference with it. */
public record WithdrawalPaid(long withdrawalId, long distributorId, Money amount, Money fee, Money net,
                             String method, String paymentReference, Instant paidAt) {
}

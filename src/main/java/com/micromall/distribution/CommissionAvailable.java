package com.micromall.distribution;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * Commission of a distributor became withdrawable: the return window of these orders is over (or a hold was
 * released after it). Settlement says it once per distributor and settlement chunk, not once per entry, so a run
 * that frees fifty lines of one distributor is one fact (and one mail).
 *
 * @param amount what became available, reversals of the same entries already deducted
 * @param orderNumbers the orders the entries belong to, oldest first
 */
public record CommissionAvailable(long distributorId, Money amount, int entryCount, List<String> orderNumbers,
                                  Instant availableAt) {
}

package com.micromall.order;

import com.micromall.shared.Money;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Spreads an order's discount over its lines in proportion to the line totals (largest-remainder
 * method, in minor units), so the paid amounts add up to exactly goods − discount and none is negative.
 */
public final class DiscountAllocation {

    private DiscountAllocation() {
    }

    /** What is paid for each line, same order as {@code lineTotals}. The discount is capped at the goods total. */
    public static List<Money> paidAmounts(List<Money> lineTotals, Money discount) {
        if (lineTotals.isEmpty()) {
            return List.of();
        }
        var currency = discount.currency();
        long goods = lineTotals.stream().mapToLong(Money::minorUnits).sum();
        long off = Math.max(0, Math.min(discount.minorUnits(), goods));
        int n = lineTotals.size();
        long[] shares = new long[n];
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            if (goods == 0) {
                break;
            }
            BigInteger[] division = BigInteger.valueOf(off).multiply(BigInteger.valueOf(lineTotals.get(i).minorUnits()))
                    .divideAndRemainder(BigInteger.valueOf(goods));
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1].longValueExact();
            given += shares[i];
        }
        long left = off - given;
        List<Integer> byRemainder = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        byRemainder.sort(Comparator.comparingLong((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            shares[byRemainder.get(k)]++;
        }
        List<Money> paid = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            paid.add(Money.ofMinor(lineTotals.get(i).minorUnits() - shares[i], currency));
        }
        return paid;
    }
}

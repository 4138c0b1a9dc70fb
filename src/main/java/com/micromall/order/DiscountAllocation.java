package com.micromall.order;

import com.micromall.shared.Money;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Spreads an order's discount over its lines in proportion to the line totals (largest-remainder
 * method, in minor units), so the paid amounts add up to exactly goods − discount and none is negative;
 * and says which part of each line's discount came from which source. The one place both are decided.
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

    /** One line's part of the order's discounts: what is paid for it and what each source took off it. */
    public record LineShare(Money paid, List<LineDiscount> discounts) {
    }

    /**
     * Each line's paid amount (exactly {@link #paidAmounts} of the discounts' total) and each source's part of
     * the line's discount. A source is spread over the lines in proportion to each line's discount, rounded
     * down; the cents left go to the largest remainders, within what the line and the source still have. So a
     * line's parts add up to its discount, every source's parts add up to what the source took off (sources
     * granting more than the goods are cut, the later ones first), and no part is negative.
     *
     * @param discounts the order's discount lines in the order they were granted; lines of one source are summed
     */
    public static List<LineShare> bySource(List<Money> lineTotals, List<DiscountLine> discounts) {
        if (lineTotals.isEmpty()) {
            return List.of();
        }
        var currency = lineTotals.get(0).currency();
        long goods = lineTotals.stream().mapToLong(Money::minorUnits).sum();
        Map<String, Long> bySource = new LinkedHashMap<>();
        long granted = 0;
        for (DiscountLine line : discounts) {
            long amount = Math.max(0, Math.min(line.amount().minorUnits(), goods - granted));
            granted += amount;
            if (amount > 0) {
                bySource.merge(line.source(), amount, Long::sum);
            }
        }
        List<Money> paid = paidAmounts(lineTotals, Money.ofMinor(granted, currency));
        List<String> sources = List.copyOf(bySource.keySet());
        int n = lineTotals.size();
        int k = sources.size();
        long[] lineLeft = new long[n];
        long[] sourceLeft = new long[k];
        long[][] parts = new long[n][k];
        long[][] remainders = new long[n][k];
        for (int i = 0; i < n; i++) {
            lineLeft[i] = lineTotals.get(i).minorUnits() - paid.get(i).minorUnits();
        }
        for (int j = 0; j < k; j++) {
            sourceLeft[j] = bySource.get(sources.get(j));
        }
        if (granted > 0) {
            long[] lineDiscount = lineLeft.clone();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    BigInteger[] division = BigInteger.valueOf(bySource.get(sources.get(j)))
                            .multiply(BigInteger.valueOf(lineDiscount[i])).divideAndRemainder(BigInteger.valueOf(granted));
                    parts[i][j] = division[0].longValueExact();
                    remainders[i][j] = division[1].longValueExact();
                    lineLeft[i] -= parts[i][j];
                    sourceLeft[j] -= parts[i][j];
                }
            }
            List<int[]> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    cells.add(new int[] {i, j});
                }
            }
            cells.sort(Comparator.comparingLong((int[] c) -> remainders[c[0]][c[1]]).reversed());
            for (int[] c : cells) {
                if (lineLeft[c[0]] > 0 && sourceLeft[c[1]] > 0) {
                    parts[c[0]][c[1]]++;
                    lineLeft[c[0]]--;
                    sourceLeft[c[1]]--;
                }
            }
            // Whatever the remainders could not place (rare) goes line by line, source by source.
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k && lineLeft[i] > 0; j++) {
                    long more = Math.min(lineLeft[i], sourceLeft[j]);
                    parts[i][j] += more;
                    lineLeft[i] -= more;
                    sourceLeft[j] -= more;
                }
            }
        }
        List<LineShare> shares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<LineDiscount> lineDiscounts = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (parts[i][j] > 0) {
                    lineDiscounts.add(new LineDiscount(sources.get(j), Money.ofMinor(parts[i][j], currency)));
                }
            }
            shares.add(new LineShare(paid.get(i), List.copyOf(lineDiscounts)));
        }
        return shares;
    }
}

package com.micromall.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.DiscountAllocation;
import com.micromall.shared.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiscountAllocationTests {

    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void paidAmountsAlwaysSumToGoodsMinusDiscountAndNoneIsNegativeOrAboveItsLine() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < 5_000; run++) {
            int lines = 1 + random.nextInt(6);
            List<Money> totals = new ArrayList<>();
            long goods = 0;
            for (int i = 0; i < lines; i++) {
                long cents = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(200_000);
                totals.add(Money.ofMinor(cents, CNY));
                goods += cents;
            }
            long discount = random.nextInt(4) == 0 ? goods + random.nextInt(1000) : (goods == 0 ? 0 : random.nextLong(goods + 1));
            List<Money> paid = DiscountAllocation.paidAmounts(totals, Money.ofMinor(discount, CNY));

            long expected = goods - Math.min(discount, goods);
            assertThat(paid.stream().mapToLong(Money::minorUnits).sum()).as("seed %d run %d", seed, run).isEqualTo(expected);
            for (int i = 0; i < lines; i++) {
                assertThat(paid.get(i).minorUnits()).as("seed %d run %d line %d", seed, run, i)
                        .isBetween(0L, totals.get(i).minorUnits());
            }
        }
    }

    @Test
    void theDiscountIsSpreadInProportionToLineTotals() {
        List<Money> paid = DiscountAllocation.paidAmounts(
                List.of(Money.of("30.00", "CNY"), Money.of("10.00", "CNY")), Money.of("4.00", "CNY"));

        assertThat(paid).containsExactly(Money.of("27.00", "CNY"), Money.of("9.00", "CNY"));
    }

    @Test
    void leftOverCentsGoToTheLinesWithTheLargestRemainders() {
        // 1.00 over three equal lines: 0.33 each, the one cent left goes to the first (ties by position).
        List<Money> paid = DiscountAllocation.paidAmounts(List.of(Money.of("10.00", "CNY"), Money.of("10.00", "CNY"),
                Money.of("10.00", "CNY")), Money.of("1.00", "CNY"));

        assertThat(paid).containsExactly(Money.of("9.66", "CNY"), Money.of("9.67", "CNY"), Money.of("9.67", "CNY"));
    }

    @Test
    void withoutDiscountEveryLineIsPaidInFull() {
        List<Money> totals = List.of(Money.of("12.34", "CNY"), Money.of("0.01", "CNY"));

        assertThat(DiscountAllocation.paidAmounts(totals, Money.zero(CNY))).isEqualTo(totals);
    }
}

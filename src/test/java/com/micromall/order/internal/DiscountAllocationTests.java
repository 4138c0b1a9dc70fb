package com.micromall.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.DiscountAllocation;
import com.micromall.order.DiscountLine;
import com.micromall.order.LineDiscount;
import com.micromall.shared.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void eachSourcesPartsAddUpToItsAmountEachLinesPartsToItsDiscountAndNoneIsNegative() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> names = List.of("welcome", "friend-gift", "store-credit", "voucher");
        for (int run = 0; run < 5_000; run++) {
            int lines = 1 + random.nextInt(6);
            List<Money> totals = new ArrayList<>();
            long goods = 0;
            for (int i = 0; i < lines; i++) {
                long cents = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(20_000);
                totals.add(Money.ofMinor(cents, CNY));
                goods += cents;
            }
            List<DiscountLine> discounts = new ArrayList<>();
            Map<String, Long> expected = new HashMap<>();
            long granted = 0;
            for (int j = 0, k = random.nextInt(names.size() + 1); j < k; j++) {
                long cents = 1 + random.nextInt(goods > 0 && random.nextBoolean() ? (int) Math.min(goods, 20_000) : 3);
                discounts.add(new DiscountLine(names.get(j), "x", List.of(), Money.ofMinor(cents, CNY)));
                long kept = Math.max(0, Math.min(cents, goods - granted));
                granted += kept;
                expected.merge(names.get(j), kept, Long::sum);
            }
            expected.values().removeIf(cents -> cents == 0);

            List<DiscountAllocation.LineShare> shares = DiscountAllocation.bySource(totals, discounts);

            String context = "seed " + seed + " run " + run + " totals " + totals + " discounts " + discounts;
            assertThat(shares).as(context).extracting(DiscountAllocation.LineShare::paid)
                    .isEqualTo(DiscountAllocation.paidAmounts(totals, Money.ofMinor(granted, CNY)));
            Map<String, Long> bySource = new HashMap<>();
            for (int i = 0; i < lines; i++) {
                long off = 0;
                for (LineDiscount part : shares.get(i).discounts()) {
                    assertThat(part.amount().isPositive()).as(context).isTrue();
                    off += part.amount().minorUnits();
                    bySource.merge(part.source(), part.amount().minorUnits(), Long::sum);
                }
                assertThat(off).as(context).isEqualTo(totals.get(i).minorUnits() - shares.get(i).paid().minorUnits());
            }
            assertThat(bySource).as(context).isEqualTo(expected);
        }
    }

    @Test
    void oddCentsOfEachSourceGoWhereTheyAreLeastOffProportion() {
        // 10.00 + 10.00 + 10.00 with 0.10 welcome and 0.05 credit: each line 0.05 off; 0.0333… welcome each.
        List<Money> totals = List.of(Money.of("10.00", "CNY"), Money.of("10.00", "CNY"), Money.of("10.00", "CNY"));
        var shares = DiscountAllocation.bySource(totals, List.of(
                new DiscountLine("welcome", "x", List.of(), Money.of("0.10", "CNY")),
                new DiscountLine("store-credit", "x", List.of(), Money.of("0.05", "CNY"))));
        assertThat(shares).extracting(share -> share.paid().amount().toPlainString()).containsExactly("9.95", "9.95", "9.95");
        assertThat(shares).allSatisfy(share -> assertThat(share.discounts()).hasSize(2));
        assertThat(shares.stream().mapToLong(share -> share.discounts().get(0).amount().minorUnits()).sorted().toArray())
                .containsExactly(3, 3, 4);
        assertThat(shares.stream().mapToLong(share -> share.discounts().get(1).amount().minorUnits()).sorted().toArray())
                .containsExactly(1, 2, 2);
    }
}

package com.micromall.distribution.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Partial refunds in any order and sizes: what is kept plus what is reversed is always the original. */
class CommissionSplitPropertyTests {

    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void keptPlusReversedEqualsTheOriginalToTheCentForAnySequenceOfPartialRefunds() {
        long seed = 20261123L;
        Random random = new Random(seed);
        for (int run = 0; run < 20_000; run++) {
            Money original = Money.ofMinor(1 + random.nextInt(100_000), CNY);
            int units = 1 + random.nextInt(12);
            int refundedUnits = 0;
            Money taken = Money.zero(CNY);
            String trace = "seed " + seed + " run " + run + ": " + original + " for " + units + " units";
            while (refundedUnits < units) {
                int refund = 1 + random.nextInt(units - refundedUnits);
                Money share = CommissionPolicy.refundShare(original, units, refundedUnits, taken, refund);
                refundedUnits += refund;
                taken = taken.plus(share);
                assertThat(share.isNegative()).as(trace).isFalse();
                assertThat(taken.isGreaterThan(original)).as(trace).isFalse();
                if (refundedUnits < units) {
                    // a partial refund never takes more than the exact proportional share of what was refunded so far
                    BigDecimal exact = original.amount().multiply(BigDecimal.valueOf(refundedUnits))
                            .divide(BigDecimal.valueOf(units), 10, java.math.RoundingMode.DOWN);
                    assertThat(taken.amount()).as(trace).isLessThanOrEqualTo(exact);
                    Money kept = original.minus(taken);
                    assertThat(kept.plus(taken)).as(trace).isEqualTo(original);
                }
            }
            assertThat(taken).as(trace).isEqualTo(original);
        }
    }

    @Test
    void refundingOneOfThreeUnitsOfOneCentNinetyNineReversesSixtySixCents() {
        Money original = Money.of("1.99", "CNY");
        Money first = CommissionPolicy.refundShare(original, 3, 0, Money.zero(CNY), 1);
        Money rest = CommissionPolicy.refundShare(original, 3, 1, first, 2);

        assertThat(first).isEqualTo(Money.of("0.66", "CNY"));
        assertThat(rest).isEqualTo(Money.of("1.33", "CNY"));
    }
}

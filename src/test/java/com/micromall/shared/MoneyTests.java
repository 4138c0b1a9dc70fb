package com.micromall.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTests {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void holdsTheAmountAtTheCurrencyScale() {
        assertThat(Money.of("12.5", "CNY").amount()).isEqualByComparingTo("12.50").hasScaleOf(2);
        assertThat(Money.of("1200", "JPY").amount()).hasScaleOf(0);
        assertThat(Money.zero(CNY).amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void refusesToRoundSilently() {
        assertThatThrownBy(() -> Money.of("12.345", "CNY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CNY");
        assertThatThrownBy(() -> Money.of("5.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsOnlyWithAnExplicitRule() {
        assertThat(Money.of(new BigDecimal("12.349"), CNY, RoundingMode.DOWN)).isEqualTo(Money.of("12.34", "CNY"));
        assertThat(Money.of(new BigDecimal("12.345"), CNY, RoundingMode.HALF_UP)).isEqualTo(Money.of("12.35", "CNY"));
        assertThat(Money.of(new BigDecimal("-12.349"), CNY, RoundingMode.DOWN)).isEqualTo(Money.of("-12.34", "CNY"));
    }

    @Test
    void addsSubtractsAndMultipliesExactly() {
        Money a = Money.of("0.10", "CNY");
        Money b = Money.of("0.20", "CNY");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", "CNY"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.10", "CNY"));
        assertThat(Money.of("19.99", "CNY").times(3)).isEqualTo(Money.of("59.97", "CNY"));
        assertThat(a.negate()).isEqualTo(Money.of("-0.10", "CNY"));
    }

    @Test
    void commissionPercentRoundsDownToTheFen() {
        // 10 % of 99.99 is 9.999: the shop pays 9.99, never 10.00.
        assertThat(Money.of("99.99", "CNY").percent(new BigDecimal("10"), RoundingMode.DOWN))
                .isEqualTo(Money.of("9.99", "CNY"));
        assertThat(Money.of("100.00", "CNY").percent(new BigDecimal("12.5"), RoundingMode.DOWN))
                .isEqualTo(Money.of("12.50", "CNY"));
        assertThat(Money.of("0.09", "CNY").percent(new BigDecimal("10"), RoundingMode.DOWN)).isEqualTo(Money.zero(CNY));
        assertThat(Money.of("1000", "JPY").percent(new BigDecimal("3.3"), RoundingMode.DOWN))
                .isEqualTo(Money.of("33", "JPY"));
    }

    @Test
    void timesAFactorRoundsAsAsked() {
        Money amount = Money.of("10.00", "CNY");
        BigDecimal oneThird = new BigDecimal("0.333333");
        assertThat(amount.times(oneThird, RoundingMode.DOWN)).isEqualTo(Money.of("3.33", "CNY"));
        assertThat(amount.times(new BigDecimal("0.6666"), RoundingMode.HALF_UP)).isEqualTo(Money.of("6.67", "CNY"));
    }

    @Test
    void convertsToAndFromMinorUnits() {
        assertThat(Money.ofMinor(1999, CNY)).isEqualTo(Money.of("19.99", "CNY"));
        assertThat(Money.of("19.99", "CNY").minorUnits()).isEqualTo(1999);
        assertThat(Money.ofMinor(500, JPY)).isEqualTo(Money.of("500", "JPY"));
    }

    @Test
    void comparesWithinOneCurrency() {
        Money small = Money.of("1.00", "CNY");
        Money big = Money.of("2.00", "CNY");
        assertThat(small).isLessThan(big);
        assertThat(small.isLessThan(big)).isTrue();
        assertThat(big.isGreaterThan(small)).isTrue();
        assertThat(small.min(big)).isEqualTo(small);
        assertThat(small.max(big)).isEqualTo(big);
        assertThat(Money.zero(CNY).isZero()).isTrue();
        assertThat(big.isPositive()).isTrue();
        assertThat(small.minus(big).isNegative()).isTrue();
    }

    @Test
    void neverMixesCurrencies() {
        Money yuan = Money.of("1.00", "CNY");
        Money dollars = Money.of("1.00", "USD");
        assertThatThrownBy(() -> yuan.plus(dollars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CNY").hasMessageContaining("USD");
        assertThatThrownBy(() -> yuan.compareTo(dollars)).isInstanceOf(IllegalArgumentException.class);
        assertThat(yuan).isNotEqualTo(dollars);
    }

    @Test
    void equalMoneyHasEqualHashCodes() {
        assertThat(Money.of("5", "CNY")).isEqualTo(Money.of("5.00", "CNY"))
                .hasSameHashCodeAs(Money.of("5.00", "CNY"));
    }

    @Test
    void formatsForTheVisitorsLanguage() {
        Money price = Money.of("1234.50", "CNY");
        assertThat(price.format(Locale.SIMPLIFIED_CHINESE)).isEqualTo("¥1,234.50");
        assertThat(price.format(Locale.ENGLISH)).contains("1,234.50").contains("CN");
        assertThat(Money.of("1234.5", "EUR").format(Locale.GERMANY)).isEqualTo("1.234,50\u00a0€");
        assertThat(Money.of("500", "JPY").format(Locale.JAPAN)).isEqualTo("￥500");
        assertThat(price.toString()).isEqualTo("1234.50 CNY");
    }

    @Test
    void splittingByPercentAndRestAlwaysAddsBackToTheWhole() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            Money whole = Money.ofMinor(random.nextInt(1_000_000), CNY);
            BigDecimal percent = BigDecimal.valueOf(random.nextInt(10_001), 2); // 0.00 .. 100.00
            Money part = whole.percent(percent, RoundingMode.DOWN);
            Money rest = whole.minus(part);
            assertThat(part.plus(rest)).as("seed %d, %s at %s %%", seed, whole, percent).isEqualTo(whole);
            assertThat(part).as("seed %d: rounding down never exceeds the exact share", seed)
                    .isLessThanOrEqualTo(whole);
            assertThat(part.amount()).as("seed %d", seed)
                    .isLessThanOrEqualTo(whole.amount().multiply(percent).movePointLeft(2));
        }
    }
}

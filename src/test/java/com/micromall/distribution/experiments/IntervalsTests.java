package com.micromall.distribution.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.micromall.distribution.experiments.Intervals.Estimate;
import org.junit.jupiter.api.Test;

/**
 * The interval arithmetic against the worked examples of Newcombe (1998): "Two-sided confidence intervals for the
 * single proportion" (Statistics in Medicine 17, 857-872) and "Interval estimation for the difference between
 * independent proportions" (ibid., 873-890), to the four decimals printed there.
 */
class IntervalsTests {

    @Test
    void wilsonIntervalMatchesNewcombesSingleProportionExamples() {
        Estimate e = Intervals.wilson(81, 263);
        assertThat(e.value()).isCloseTo(0.3080, within(0.00005));
        assertThat(e.low()).isCloseTo(0.2553, within(0.00005));
        assertThat(e.high()).isCloseTo(0.3662, within(0.00005));

        Estimate none = Intervals.wilson(0, 10);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.2775, within(0.00005));

        Estimate all = Intervals.wilson(10, 10);
        assertThat(all.low()).isCloseTo(0.7225, within(0.00005));
        assertThat(all.high()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void differenceIntervalMatchesNewcombesHybridScoreExamples() {
        Estimate a = Intervals.difference(56, 70, 48, 80);
        assertThat(a.value()).isCloseTo(0.2000, within(0.00005));
        assertThat(a.low()).isCloseTo(0.0524, within(0.00005));
        assertThat(a.high()).isCloseTo(0.3339, within(0.00005));
        assertThat(a.excludesZero()).isTrue();

        Estimate b = Intervals.difference(9, 10, 3, 10);
        assertThat(b.low()).isCloseTo(0.1705, within(0.00005));
        assertThat(b.high()).isCloseTo(0.8090, within(0.00005));

        Estimate c = Intervals.difference(6, 7, 2, 7);
        assertThat(c.low()).isCloseTo(0.0582, within(0.00005));
        assertThat(c.high()).isCloseTo(0.8062, within(0.00005));

        // A side with no successes: the interval still spans zero.
        Estimate d = Intervals.difference(5, 56, 0, 29);
        assertThat(d.low()).isCloseTo(-0.0381, within(0.00005));
        assertThat(d.high()).isCloseTo(0.1926, within(0.00005));
        assertThat(d.excludesZero()).isFalse();
    }

    @Test
    void aDifferenceWhoseIntervalSpansZeroIsNotClearAndNoTrialsGiveZero() {
        Estimate close = Intervals.difference(11, 100, 10, 100);
        assertThat(close.low()).isNegative();
        assertThat(close.high()).isPositive();
        assertThat(close.excludesZero()).isFalse();
        assertThat(Intervals.wilson(0, 0)).isEqualTo(new Estimate(0, 0, 0));
        assertThat(Intervals.difference(1, 0, 1, 10).excludesZero()).isFalse();
    }
}

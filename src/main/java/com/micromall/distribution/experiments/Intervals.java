package com.micromall.distribution.experiments;

/**
 * 95 % intervals for the experiment page: Wilson's score interval for one proportion, and Newcombe's hybrid score
 * interval (his method 10) for the difference of two, built from the two Wilson intervals. Both stay inside [0, 1]
 * and behave with small counts and with 0 or n successes, where the textbook normal interval does not.
 */
public final class Intervals {

    /** The two-sided 95 % normal quantile. */
    static final double Z95 = 1.959963984540054;

    /** A proportion (or difference) with its 95 % interval. */
    public record Estimate(double value, double low, double high) {

        /** Whether the interval leaves out zero, so the sign of the value is clear at 95 %. */
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }

        /** The value, low and high end in signed percentage points (for a difference). */
        public String valuePoints() {
            return points(value);
        }

        public String lowPoints() {
            return points(low);
        }

        public String highPoints() {
            return points(high);
        }
    }

    private Intervals() {
    }

    /** Wilson's interval for {@code successes} out of {@code trials}; all zero when there were no trials. */
    public static Estimate wilson(long successes, long trials) {
        if (trials <= 0) {
            return new Estimate(0, 0, 0);
        }
        double n = trials;
        double p = Math.min(successes, trials) / n;
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double spread = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        return new Estimate(p, Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator));
    }

    /** Newcombe's interval for p1 − p2 (arm minus control); all zero when either side had no trials. */
    public static Estimate difference(long successes1, long trials1, long successes2, long trials2) {
        if (trials1 <= 0 || trials2 <= 0) {
            return new Estimate(0, 0, 0);
        }
        Estimate a = wilson(successes1, trials1);
        Estimate b = wilson(successes2, trials2);
        double d = a.value() - b.value();
        double low = d - Math.sqrt(square(a.value() - a.low()) + square(b.high() - b.value()));
        double high = d + Math.sqrt(square(a.high() - a.value()) + square(b.value() - b.low()));
        return new Estimate(d, low, high);
    }

    private static double square(double x) {
        return x * x;
    }

    /**
     * A difference of proportions in percentage points, signed, one decimal - two when one would round a value
     * that is not zero to 0.0, so an interval ending just below 0 never reads "-0.0".
     */
    public static String points(double difference) {
        double points = difference * 100;
        boolean tiny = points != 0 && Math.abs(points) < 0.05;
        return String.format(java.util.Locale.ROOT, tiny ? "%+.2f" : "%+.1f", points);
    }

}

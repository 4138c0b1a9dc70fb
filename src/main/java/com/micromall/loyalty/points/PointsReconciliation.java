package com.micromall.loyalty.points;

/**
 * Every point issued is spent, expired, reversed or still outstanding: the first four from the book's entries, the
 * last from the customers' balance rows, so a balance or an entry changed behind the book's back shows as a
 * difference.
 */
public record PointsReconciliation(long issued, long spent, long expired, long reversed, long outstanding) {

    /** Issued minus everything it went to: zero when the books balance. */
    public long difference() {
        return issued - spent - expired - reversed - outstanding;
    }

    public boolean balanced() {
        return difference() == 0;
    }
}

package com.micromall.distribution.dashboard.web;

import com.micromall.distribution.reporting.DistributorDashboard.Week;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the dashboard's server-side SVG chart (viewBox {@value #WIDTH}×{@value #HEIGHT}): commission
 * credited per week in the upper band, sign-ups per week in the lower band, each scaled to its own largest week.
 */
record WeeklyChart(List<Bar> credit, List<Bar> signUps, Money maxCredit, long maxSignUps, boolean empty) {

    static final int WIDTH = 360;
    static final int HEIGHT = 200;
    static final int CREDIT_TOP = 18;
    static final int CREDIT_BOTTOM = 118;
    static final int SIGNUP_TOP = 146;
    static final int SIGNUP_BOTTOM = 180;
    static final int SLOT = WIDTH / 12;
    static final int BAR = SLOT - 8;

    /** One bar: position and size in viewBox units, and the week's start and value for its tooltip. */
    record Bar(int x, int y, int width, int height, Week week, String label) {
    }

    static WeeklyChart of(List<Week> weeks, Money zero, DateTimeFormatter dates) {
        Money maxCredit = weeks.stream().map(Week::credited).reduce(zero, Money::max);
        long maxSignUps = weeks.stream().mapToLong(Week::signUps).max().orElse(0);
        List<Bar> credit = new ArrayList<>();
        List<Bar> signUps = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Week week = weeks.get(i);
            int x = i * SLOT + (SLOT - BAR) / 2;
            int h = scale(week.credited().amount(), maxCredit.amount(), CREDIT_BOTTOM - CREDIT_TOP);
            String label = dates.format(week.start());
            credit.add(new Bar(x, CREDIT_BOTTOM - h, BAR, h, week, label));
            int s = scale(BigDecimal.valueOf(week.signUps()), BigDecimal.valueOf(maxSignUps), SIGNUP_BOTTOM - SIGNUP_TOP);
            signUps.add(new Bar(x, SIGNUP_BOTTOM - s, BAR, s, week, label));
        }
        return new WeeklyChart(credit, signUps, maxCredit, maxSignUps, !maxCredit.isPositive() && maxSignUps == 0);
    }

    /** A non-zero value gets at least 2 units, so a small week is still visible next to a big one. */
    private static int scale(BigDecimal value, BigDecimal max, int full) {
        if (value.signum() <= 0 || max.signum() <= 0) {
            return 0;
        }
        int h = value.multiply(BigDecimal.valueOf(full)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        return Math.max(2, h);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int creditBaseline() {
        return CREDIT_BOTTOM;
    }

    public int signUpBaseline() {
        return SIGNUP_BOTTOM;
    }
}

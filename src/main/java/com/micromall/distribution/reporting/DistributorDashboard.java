package com.micromall.distribution.reporting;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.DistributionApi.Span;
import com.micromall.distribution.referral.ReferralClicks;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The distributor's own figures for the dashboard, and always for the logged-in distributor only: callers
 * pass the id of the authenticated customer. Clicks come from referral; sign-ups, orders, invitees who ordered and
 * GMV from the distributor's reporting row (one definition, see {@link ReferredFigures}); the chart from reporting's
 * hourly buckets ({@link CommissionHours}) and the ledger's API for part-hours; the invitee list reads an index range
 * of what it shows. What only the ledger knows (the next unfreeze, the entries' details) the page asks the ledger.
 */
@Service
@RequiredArgsConstructor
public class DistributorDashboard {

    /** How many weeks the chart shows. */
    public static final int WEEKS = 12;

    /**
     * @param signUps customers bound to the distributor (referred customers)
     * @param throughLink of those, the ones who signed up through the share link (each after a click)
     * @param firstOrders referred customers with at least one order that counts (not cancelled)
     * @param orders the referred customers' orders that count
     * @param gmv what they paid for the goods of those orders, less refunds, without shipping
     */
    public record Figures(long clicks, long signUps, long throughLink, long firstOrders, long orders, Money gmv) {

        /** Link sign-ups per click: both count visitors who came through the link, so never above 100 %. */
        public @Nullable BigDecimal signUpConversion() {
            return percent(throughLink, clicks);
        }

        /** Referred customers who ordered, per referred customer. */
        public @Nullable BigDecimal orderConversion() {
            return percent(firstOrders, signUps);
        }

        private static @Nullable BigDecimal percent(long part, long whole) {
            return whole <= 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).stripTrailingZeros();
        }
    }

    /** A customer bound to the distributor: never contact data or order contents. */
    public record Invitee(long customerId, Instant boundAt, boolean hasOrdered) {
    }

    /** One week of the chart: commission credited (COMMISSION entries created that week, not void) and sign-ups. */
    public record Week(Instant start, Money credited, long signUps) {
    }

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;
    private final ReferralClicks referralClicks;
    private final DistributionApi ledger;
    private final Clock clock;

    @Transactional(readOnly = true)
    public Figures figures(long customerId, String code) {
        var currency = shopSettings.current().currency();
        long clicks = referralClicks.clicksOf(code);
        return jdbc.sql("""
                SELECT COALESCE(r.referred, 0) AS sign_ups, COALESCE(r.through_link, 0) AS through_link,
                  COALESCE(r.ordering, 0) AS first_orders, COALESCE(r.orders, 0) AS orders, COALESCE(r.gmv, 0) AS gmv
                FROM (SELECT 1 AS one) x LEFT JOIN report_distributor r ON r.customer_id = :d
                """)
                .param("d", customerId)
                .query((rs, i) -> new Figures(clicks, rs.getLong("sign_ups"), rs.getLong("through_link"),
                        rs.getLong("first_orders"), rs.getLong("orders"), recorded(rs.getBigDecimal("gmv"), currency)))
                .single();
    }

    /** The invitees, newest first, at most {@code limit} of them. */
    @Transactional(readOnly = true)
    public List<Invitee> invitees(long customerId, int limit) {
        return jdbc.sql("""
                SELECT customer_id, bound_at, counted_orders FROM report_customer WHERE referrer_id = :d
                ORDER BY bound_at DESC, customer_id DESC LIMIT :limit""")
                .param("d", customerId).param("limit", limit)
                .query((rs, i) -> new Invitee(rs.getLong("customer_id"), rs.getTimestamp("bound_at").toInstant(),
                        rs.getLong("counted_orders") > 0))
                .list();
    }

    /**
     * The last {@link #WEEKS} weeks (Monday to Monday in the given zone), oldest first. Commission comes from the
     * hourly buckets for the whole hours of each week, and from the ledger for the part-hours at its ends, which
     * exist only in zones whose offset is not a whole number of hours: elsewhere the ledger is not asked at all.
     */
    @Transactional(readOnly = true)
    public List<Week> weeks(long customerId, ZoneId zone) {
        var currency = shopSettings.current().currency();
        LocalDate thisMonday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Instant> starts = new ArrayList<>();
        for (int i = WEEKS - 1; i >= -1; i--) {
            starts.add(thisMonday.minusWeeks(i).atStartOfDay(zone).toInstant());
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < WEEKS; i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i)
                    .append(", CAST(:s").append(i).append(" AS TIMESTAMP WITH TIME ZONE)")
                    .append(", CAST(:s").append(i + 1).append(" AS TIMESTAMP WITH TIME ZONE)")
                    .append(", CAST(:nf").append(i).append(" AS BIGINT), CAST(:nt").append(i).append(" AS BIGINT))");
        }
        var statement = jdbc.sql("""
                SELECT w.idx,
                  (SELECT COALESCE(SUM(h.credited), 0) FROM report_commission_hour h
                     WHERE h.distributor_id = :d AND h.hour_no >= w.from_hour AND h.hour_no < w.to_hour) AS credited,
                  (SELECT COUNT(*) FROM report_customer b
                     WHERE b.referrer_id = :d AND b.bound_at >= w.from_at AND b.bound_at < w.to_at) AS sign_ups
                FROM (VALUES %s) AS w(idx, from_at, to_at, from_hour, to_hour)
                ORDER BY w.idx""".formatted(values)).param("d", customerId);
        for (int i = 0; i <= WEEKS; i++) {
            statement = statement.param("s" + i, Timestamp.from(starts.get(i)));
        }
        // The part-hours before a week's first whole hour and after its last one, each with the week it adds to.
        List<Span> parts = new ArrayList<>();
        List<Integer> partWeeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            long fromHour = Math.floorDiv(starts.get(i).getEpochSecond() + 3599, 3600);
            long toHour = CommissionHours.hourOf(starts.get(i + 1));
            statement = statement.param("nf" + i, fromHour).param("nt" + i, toHour);
            Instant wholeFrom = Instant.ofEpochSecond(fromHour * 3600);
            Instant wholeTo = Instant.ofEpochSecond(toHour * 3600);
            if (starts.get(i).isBefore(wholeFrom)) {
                parts.add(new Span(starts.get(i), wholeFrom));
                partWeeks.add(i);
            }
            if (wholeTo.isBefore(starts.get(i + 1))) {
                parts.add(new Span(wholeTo, starts.get(i + 1)));
                partWeeks.add(i);
            }
        }
        BigDecimal[] credited = new BigDecimal[WEEKS];
        long[] signUps = new long[WEEKS];
        statement.query(rs -> {
            int idx = rs.getInt("idx");
            credited[idx] = rs.getBigDecimal("credited");
            signUps[idx] = rs.getLong("sign_ups");
        });
        List<BigDecimal> partSums = parts.isEmpty() ? List.of() : ledger.creditedIn(customerId, parts);
        for (int p = 0; p < partSums.size(); p++) {
            credited[partWeeks.get(p)] = credited[partWeeks.get(p)].add(partSums.get(p));
        }
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new Week(starts.get(i), recorded(credited[i], currency), signUps[i]));
        }
        return weeks;
    }

    /**
     * Sums recorded before the owner switched to a currency without cents keep their cents; the figures show them
     * rounded, like the owner's overview does, instead of failing.
     */
    private static Money recorded(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency, RoundingMode.HALF_UP);
    }

    /** Zero money in the shop's currency (for empty figures). */
    public Money zero() {
        return Money.zero(shopSettings.current().currency());
    }
}

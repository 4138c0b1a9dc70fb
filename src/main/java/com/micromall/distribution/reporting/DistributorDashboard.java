package com.micromall.distribution.reporting;

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
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The distributor's own figures for the dashboard, and always for the logged-in distributor only: callers
 * pass the id of the authenticated customer. Clicks come from referral; sign-ups, orders, invitees who ordered and
 * GMV from the distributor's reporting row (one definition, see {@link ReferredFigures}); the chart from reporting's
 * hourly buckets ({@link CommissionHours}); the invitee list reads an index range of what it shows.
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
     * @param nextUnfreeze the earliest date one of the distributor's FROZEN entries becomes withdrawable
     */
    public record Figures(long clicks, long signUps, long throughLink, long firstOrders, long orders, Money gmv,
                          @Nullable Instant nextUnfreeze) {

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

    /** What the ledger lines need beyond the API's LedgerLine: the buyer, units and when the order was placed. */
    public record EntryDetails(long entryId, long buyerId, int units, @Nullable Integer parentUnits,
                               @Nullable Instant placedAt) {
    }

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;
    private final ReferralClicks referralClicks;
    private final Clock clock;

    @Transactional(readOnly = true)
    public Figures figures(long customerId, String code) {
        var currency = shopSettings.current().currency();
        long clicks = referralClicks.clicksOf(code);
        return jdbc.sql("""
                SELECT COALESCE(r.referred, 0) AS sign_ups, COALESCE(r.through_link, 0) AS through_link,
                  COALESCE(r.ordering, 0) AS first_orders, COALESCE(r.orders, 0) AS orders, COALESCE(r.gmv, 0) AS gmv,
                  (SELECT MIN(unfreezes_at) FROM commission_entry WHERE distributor_id = :d AND level > 0 AND state = 'FROZEN') AS next_unfreeze
                FROM (SELECT 1 AS one) x LEFT JOIN report_distributor r ON r.customer_id = :d
                """)
                .param("d", customerId)
                .query((rs, i) -> {
                    Timestamp next = rs.getTimestamp("next_unfreeze");
                    return new Figures(clicks, rs.getLong("sign_ups"), rs.getLong("through_link"),
                            rs.getLong("first_orders"), rs.getLong("orders"), recorded(rs.getBigDecimal("gmv"), currency),
                            next == null ? null : next.toInstant());
                })
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
     * The last {@link #WEEKS} weeks (Monday to Monday in the given zone), oldest first, in one query. Commission
     * comes from the hourly buckets for the whole hours of each week, and from the entries themselves for
     * the part-hours at its ends, which exist only in zones whose offset is not a whole number of hours.
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
                    .append(", CAST(:hf").append(i).append(" AS TIMESTAMP WITH TIME ZONE)")
                    .append(", CAST(:ht").append(i).append(" AS TIMESTAMP WITH TIME ZONE)")
                    .append(", CAST(:nf").append(i).append(" AS BIGINT), CAST(:nt").append(i).append(" AS BIGINT))");
        }
        var statement = jdbc.sql("""
                SELECT w.idx,
                  (SELECT COALESCE(SUM(h.credited), 0) FROM report_commission_hour h
                     WHERE h.distributor_id = :d AND h.hour_no >= w.from_hour AND h.hour_no < w.to_hour)
                  + (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                     WHERE e.distributor_id = :d AND e.level > 0 AND e.kind = 'COMMISSION' AND e.state <> 'VOID'
                       AND e.created_at >= w.from_at AND e.created_at < w.whole_from)
                  + (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                     WHERE e.distributor_id = :d AND e.level > 0 AND e.kind = 'COMMISSION' AND e.state <> 'VOID'
                       AND e.created_at >= w.whole_to AND e.created_at < w.to_at) AS credited,
                  (SELECT COUNT(*) FROM report_customer b
                     WHERE b.referrer_id = :d AND b.bound_at >= w.from_at AND b.bound_at < w.to_at) AS sign_ups
                FROM (VALUES %s) AS w(idx, from_at, to_at, whole_from, whole_to, from_hour, to_hour)
                ORDER BY w.idx""".formatted(values)).param("d", customerId);
        for (int i = 0; i <= WEEKS; i++) {
            statement = statement.param("s" + i, Timestamp.from(starts.get(i)));
        }
        for (int i = 0; i < WEEKS; i++) {
            long fromHour = Math.floorDiv(starts.get(i).getEpochSecond() + 3599, 3600);
            long toHour = CommissionHours.hourOf(starts.get(i + 1));
            statement = statement.param("hf" + i, Timestamp.from(Instant.ofEpochSecond(fromHour * 3600)))
                    .param("ht" + i, Timestamp.from(Instant.ofEpochSecond(toHour * 3600)))
                    .param("nf" + i, fromHour).param("nt" + i, toHour);
        }
        return statement.query((rs, i) -> new Week(starts.get(rs.getInt("idx")),
                        recorded(rs.getBigDecimal("credited"), currency), rs.getLong("sign_ups")))
                .list();
    }

    /**
     * Buyer, units and order time of each of the distributor's entries, by entry id. The ids are looked up by
     * primary key and entries of anyone else are dropped here, not in SQL: with "distributor_id = ?" in the query,
     * PostgreSQL's generic plan for the prepared statement (used from the sixth execution on) combines the id
     * lookup with the distributor's whole index range.
     */
    @Transactional(readOnly = true)
    public Map<Long, EntryDetails> entryDetails(long customerId, java.util.Collection<Long> entryIds) {
        return jdbc.sql("""
                SELECT e.id, e.distributor_id, e.buyer_id, e.units, p.units AS parent_units, s.placed_at
                FROM commission_entry e
                LEFT JOIN commission_entry p ON p.id = e.parent_id
                LEFT JOIN commission_snapshot s ON s.order_id = e.order_id
                WHERE e.id IN (:ids)""")
                .param("ids", entryIds)
                .query((rs, i) -> {
                    if (rs.getLong("distributor_id") != customerId) {
                        return null;
                    }
                    Timestamp placed = rs.getTimestamp("placed_at");
                    int parentUnits = rs.getInt("parent_units");
                    return new EntryDetails(rs.getLong("id"), rs.getLong("buyer_id"), rs.getInt("units"),
                            rs.wasNull() ? null : parentUnits, placed == null ? null : placed.toInstant());
                })
                .list().stream().filter(Objects::nonNull)
                .collect(Collectors.toMap(EntryDetails::entryId, d -> d));
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

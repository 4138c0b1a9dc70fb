package com.micromall.distribution.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.order.OrderFixtures;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The dashboard's weekly commission, read from reporting's hourly buckets, equals the sum of the entries created in
 * each week: also for entries a minute either side of a week's start, and in zones whose offset is not a whole
 * number of hours (there the part-hours at a week's ends come from the ledger's entries). The entries are written
 * here with chosen times, and reporting hears of each what the ledger would announce: its credit, and its void.
 */
@MicromallTest
class DashboardWeeksTests {

    /** A Wednesday: the newest week started on Monday 2026-11-23 (local). */
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ShopSettingsService shopSettings;
    @Autowired com.micromall.distribution.referral.ReferralClicks referralClicks;
    @Autowired CommissionHours hours;
    @Autowired DistributionApi ledger;
    @Autowired QueryCounter queries;

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Shanghai", "Asia/Kolkata", "Australia/Eucla", "America/St_Johns"})
    void eachWeekIsTheSumOfTheCommissionEntriesCreatedInIt(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        long distributor = new OrderFixtures(jdbc, encoder).customer("Weeks " + zoneName).id();
        DistributorDashboard dashboard = new DistributorDashboard(jdbc, shopSettings, referralClicks, ledger, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Instant> starts = dashboard.weeks(distributor, zone).stream().map(DistributorDashboard.Week::start).toList();
        assertThat(starts).hasSize(DistributorDashboard.WEEKS);

        // Around every week's start, in each of the zones' part-hours, and in the middle of each week; amounts are
        // powers of two (in cents), so an entry counted in the wrong week shows in the sums.
        long line = 2_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000;
        long cents = 1;
        Instant end = starts.get(starts.size() - 1).atZone(zone).plusWeeks(1).toInstant();
        for (Instant start : starts) {
            for (Duration offset : List.of(Duration.ofMinutes(-1), Duration.ZERO, Duration.ofMinutes(1),
                    Duration.ofMinutes(29), Duration.ofMinutes(44), Duration.ofMinutes(59), Duration.ofHours(80))) {
                cents = cents * 2 % 1_000_003;
                insert(distributor, line++, "COMMISSION", "FROZEN", cents, start.plus(offset));
            }
            insert(distributor, line++, "COMMISSION", "VOID", 777_777, start.plus(Duration.ofMinutes(2)));
            insert(distributor, line++, "REVERSAL", "FROZEN", -555_555, start.plus(Duration.ofMinutes(3)));
        }
        insert(distributor, line, "COMMISSION", "FROZEN", 999_999, end.minus(Duration.ofMinutes(1)));

        List<DistributorDashboard.Week> weeks = dashboard.weeks(distributor, zone);

        for (int i = 0; i < weeks.size(); i++) {
            Instant to = i + 1 < weeks.size() ? weeks.get(i + 1).start() : end;
            assertThat(weeks.get(i).credited().amount()).as("week of %s in %s", weeks.get(i).start(), zone)
                    .isEqualByComparingTo(entriesBetween(distributor, weeks.get(i).start(), to));
        }
        assertThat(weeks.get(0).credited().amount()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Shanghai", "Asia/Kolkata", "Australia/Eucla"})
    void theChartAsksTheLedgerForPartHoursOnlyWhereThereAreSomeAndThenOnceForAllWeeks(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        long distributor = new OrderFixtures(jdbc, encoder).customer("Chart Statements " + zoneName).id();
        DistributorDashboard dashboard = new DistributorDashboard(jdbc, shopSettings, referralClicks, ledger, Clock.fixed(NOW, ZoneOffset.UTC));
        boolean wholeHours = zone.getRules().getOffset(NOW).getTotalSeconds() % 3600 == 0;
        dashboard.weeks(distributor, zone);

        assertThat(queries.count(() -> dashboard.weeks(distributor, zone))).as("chart statements in %s", zone)
                .isEqualTo(wholeHours ? 1 : 2);
    }

    private BigDecimal entriesBetween(long distributor, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                WHERE distributor_id = :d AND kind = 'COMMISSION' AND state <> 'VOID'
                  AND created_at >= :from AND created_at < :to""")
                .param("d", distributor).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(BigDecimal.class).single();
    }

    /** One entry (of its own order, numbered like its line) and the facts reporting hears about it. */
    private void insert(long distributor, long line, String kind, String state, long cents, Instant createdAt) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, :line, 'MM-WEEKS', :line, 1, 1, :kind, 1, '10%', :amount, 'CNY', :state, :at, :at)""")
                .param("d", distributor).param("line", line).param("kind", kind).param("state", state)
                .param("amount", amount).param("at", Timestamp.from(createdAt)).update();
        if (!kind.equals("COMMISSION")) {
            return;
        }
        hours.credited(distributor, line, 1, createdAt, amount);
        if (state.equals("VOID")) {
            long entryId = jdbc.sql("SELECT id FROM commission_entry WHERE line_id = :line").param("line", line)
                    .query(Long.class).single();
            hours.voided(entryId, distributor, createdAt, amount);
        }
    }
}

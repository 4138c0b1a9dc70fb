package com.micromall.distribution.reporting;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.payout.WithdrawalService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A distributor's year, month by month on the shop's calendar (its time zone): referred customers, their orders and GMV, commission credited, reversed by refunds
 * before the window ended, clawed back after it, voided by the owner, and paid out (withdrawals
 * approved, by decision date). Amounts are positive numbers of money moved.
 */
@Service
@RequiredArgsConstructor
public class DistributorStatement {

    /**
     * @param referred customers bound that month; {@code orders} and {@code gmv}: their orders placed that month,
     *                 as the dashboard and the roll count them (not cancelled; goods paid less refunds)
     */
    public record Month(int month, long referred, long orders, Money gmv, Money credited, Money reversed,
                        Money clawedBack, Money voided, Money paidOut) {
    }

    private final JdbcClient jdbc;
    private final DistributionApi ledger;
    private final WithdrawalService withdrawals;
    private final ShopSettingsService shopSettings;
    private final ShopTime shopTime;

    /** Twelve months, January first; callers add the totals. */
    @Transactional(readOnly = true)
    public List<Month> of(long distributorId, int year) {
        Currency currency = shopSettings.current().currency();
        ZoneId zone = shopTime.zone();
        Timestamp from = Timestamp.from(shopTime.startOfDay(LocalDate.of(year, 1, 1)));
        Timestamp to = Timestamp.from(shopTime.startOfDay(LocalDate.of(year + 1, 1, 1)));
        BigDecimal[][] sums = new BigDecimal[12][6];
        long[][] counts = new long[12][2];
        for (BigDecimal[] row : sums) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        Instant start = from.toInstant();
        Instant end = to.toInstant();
        for (DistributionApi.Movement entry : ledger.movementsOf(distributorId, start, end)) {
            int column = switch (entry.kind()) {
                case "COMMISSION" -> 0;
                case "REVERSAL" -> 1;
                default -> 2;
            };
            add(sums, zone, entry.at(), column, entry.amount().abs());
        }
        // What a void took away: the voided entry net of its reversals (all of them move to VOID together).
        for (DistributionApi.Movement voided : ledger.voidsOf(distributorId, start, end)) {
            add(sums, zone, voided.at(), 3, voided.amount());
        }
        for (WithdrawalService.Payment paid : withdrawals.paidOut(distributorId, start, end)) {
            add(sums, zone, paid.decidedAt(), 4, paid.amount());
        }
        jdbc.sql("""
                SELECT bound_at FROM report_customer WHERE referrer_id = :d AND bound_at >= :from AND bound_at < :to""")
                .param("d", distributorId).param("from", from).param("to", to)
                .query(rs -> {
                    counts[monthOf(zone, rs.getTimestamp("bound_at").toInstant())][0]++;
                });
        jdbc.sql("""
                SELECT placed_at, goods - refunded AS gmv FROM report_order
                WHERE referrer_id = :d AND placed_at >= :from AND placed_at < :to AND cancelled = FALSE""")
                .param("d", distributorId).param("from", from).param("to", to)
                .query(rs -> {
                    Instant at = rs.getTimestamp("placed_at").toInstant();
                    counts[monthOf(zone, at)][1]++;
                    add(sums, zone, at, 5, rs.getBigDecimal("gmv"));
                });
        List<Month> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            BigDecimal[] s = sums[m];
            months.add(new Month(m + 1, counts[m][0], counts[m][1], recorded(s[5], currency), recorded(s[0], currency), recorded(s[1], currency), recorded(s[2], currency),
                    recorded(s[3], currency), recorded(s[4], currency)));
        }
        return months;
    }

    /** Sums of a year that began before the owner switched to a currency without cents are shown rounded. */
    private static Money recorded(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency, RoundingMode.HALF_UP);
    }

    private static int monthOf(ZoneId zone, Instant at) {
        return at.atZone(zone).getMonthValue() - 1;
    }

    private static void add(BigDecimal[][] sums, ZoneId zone, Instant at, int column, BigDecimal amount) {
        int month = monthOf(zone, at);
        sums[month][column] = sums[month][column].add(amount);
    }
}

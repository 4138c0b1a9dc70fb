package com.micromall.distribution.reporting;

import com.micromall.customer.CustomerApi;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's distribution figures on the overview: how much of the shop's business comes through
 * referrals (orders and GMV, this month and all time, as the roll and dashboard define them: cancelled orders
 * left out, goods paid less refunds, without shipping),
 * new customers by referral this month, what the shop owes sharers by state, and the top sharers.
 * Each figure group is one aggregate query; what is owed comes from the ledger's account rows, the top sharers
 * from the roll, and this month's new customers from the customer module's list of them.
 */
@Service
@RequiredArgsConstructor
public class DistributionFigures {

    public record Share(long orders, long referredOrders, Money gmv, Money referredGmv) {

        public int ordersPercent() {
            return orders == 0 ? 0 : (int) Math.round(100.0 * referredOrders / orders);
        }

        public int gmvPercent() {
            return gmv.isZero() ? 0 : referredGmv.amount().multiply(BigDecimal.valueOf(100))
                    .divide(gmv.amount(), 0, RoundingMode.HALF_UP).intValue();
        }
    }

    /** Owed to sharers: frozen, on hold, available (less withdrawals and store credit), and withdrawals requested but not paid. */
    public record Liability(Money frozen, Money onHold, Money available, Money requested) {

        public Money total() {
            return frozen.plus(onHold).plus(available).plus(requested);
        }
    }

    public record Figures(Share month, Share allTime, long newCustomers, long newReferred, Liability liability,
                          List<DistributorRoll.Row> top) {
    }

    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final DistributionApi ledger;
    private final ShopSettingsService shopSettings;
    private final DistributorRoll roll;
    private final ShopTime shopTime;

    @Transactional(readOnly = true)
    public Figures current() {
        Currency currency = shopSettings.current().currency();
        Instant monthStart = shopTime.monthStart(shopTime.currentMonth());
        Timestamp start = Timestamp.from(monthStart);
        // The one definition of referred orders and GMV (ReferredFigures): not cancelled; goods paid less refunds.
        Share month = jdbc.sql("""
                SELECT COUNT(*) AS orders, COUNT(referrer_id) AS referred, COALESCE(SUM(goods - refunded), 0) AS gmv,
                    COALESCE(SUM(CASE WHEN referrer_id IS NOT NULL THEN goods - refunded ELSE 0 END), 0) AS referred_gmv
                FROM report_order WHERE placed_at >= :start AND cancelled = FALSE""")
                .param("start", start)
                .query((rs, i) -> new Share(rs.getLong("orders"), rs.getLong("referred"),
                        money(rs.getBigDecimal("gmv"), currency), money(rs.getBigDecimal("referred_gmv"), currency)))
                .single();
        Share allTime = jdbc.sql("""
                SELECT x.orders, x.gmv, r.referred, r.referred_gmv FROM
                  (SELECT COUNT(*) AS orders, COALESCE(SUM(goods - refunded), 0) AS gmv FROM report_order
                   WHERE cancelled = FALSE) x,
                  (SELECT COALESCE(SUM(orders), 0) AS referred, COALESCE(SUM(gmv), 0) AS referred_gmv
                   FROM report_distributor) r""")
                .query((rs, i) -> new Share(rs.getLong("orders"), rs.getLong("referred"),
                        money(rs.getBigDecimal("gmv"), currency), money(rs.getBigDecimal("referred_gmv"), currency)))
                .single();
        List<Long> newCustomers = customers.customersRegisteredSince(monthStart);
        long newReferred = newCustomers.isEmpty() ? 0 : jdbc.sql("""
                SELECT COUNT(*) FROM report_customer WHERE referrer_id IS NOT NULL AND customer_id IN (:ids)""")
                .param("ids", newCustomers).query(Long.class).single();
        DistributionApi.Liability owed = ledger.liability();
        Liability liability = new Liability(money(owed.frozen(), currency), money(owed.onHold(), currency),
                money(owed.available(), currency), money(owed.requested(), currency));
        List<DistributorRoll.Row> top = roll.search(null, DistributorRoll.Sort.GMV, 0, 5).rows();
        return new Figures(month, allTime, newCustomers.size(), newReferred, liability, top);
    }

    /** A distributor whose money never moved has no account row yet: zero. */
    private static Money money(@Nullable BigDecimal amount, Currency currency) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount, currency, RoundingMode.HALF_UP);
    }
}

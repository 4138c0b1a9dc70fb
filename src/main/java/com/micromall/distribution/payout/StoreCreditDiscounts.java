package com.micromall.distribution.payout;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.DistributorAccounts;
import com.micromall.distribution.ledger.DistributorLocks;
import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.DiscountLine;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderRefunded;
import com.micromall.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Store credit at checkout: a STORE_CREDIT distributor's credit pays for their own goods, after
 * every other discount (asked last). The line shown is only an offer; the credit is taken when the
 * order is placed, under the distributor lock, so two orders placed at once never spend the same
 * money: the one that finds it gone is refused and rolled back. Given back, once, when the order is
 * cancelled or fully refunded. Partial refunds give nothing back: the buyer is refunded what they
 * paid for the returned units, and the credit stays spent on the rest.
 */
@Component
@Order(1000)
@RequiredArgsConstructor
class StoreCreditDiscounts implements CheckoutDiscounts {

    static final String SOURCE = "store-credit";

    private final StoreCredit storeCredit;
    private final DistributorLocks locks;
    private final DistributionApi ledger;
    private final JdbcClient jdbc;
    private final DistributorAccounts accounts;
    private final Clock clock;

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        if (basket.atSpecialPrice()) {
            return List.of(); // a group price is the whole price: the page that offered it showed no more off
        }
        Money credit = storeCredit.balanceOf(basket.customerId()).min(basket.remaining());
        if (!credit.isPositive()) {
            return List.of();
        }
        return List.of(new DiscountLine(SOURCE, "distribution.rewards.credit.label",
                List.of(storeCredit.bonusPercent().stripTrailingZeros().toPlainString()), credit));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(long orderId, String orderNumber, long customerId, List<DiscountLine> granted) {
        Money credit = granted.stream().filter(line -> line.source().equals(SOURCE)).map(DiscountLine::amount)
                .reduce(Money::plus).orElse(null);
        if (credit == null || !credit.isPositive()) {
            return;
        }
        if (!locks.lock(customerId)) {
            throw new DiscountUnavailableException("distribution.rewards.credit.unavailable");
        }
        // Read after the lock: another order that spent this credit has committed by now.
        Money spendable = storeCredit.balanceOf(customerId);
        if (credit.isGreaterThan(spendable)) {
            throw new DiscountUnavailableException("distribution.rewards.credit.unavailable");
        }
        Money available = ledger.balancesOf(customerId).available();
        Money cash = storeCredit.cashFor(credit).min(available);
        jdbc.sql("""
                INSERT INTO store_credit_spend (order_id, distributor_id, credit_amount, cash_amount, currency, spent_at)
                VALUES (:order, :d, :credit, :cash, :currency, :at)""")
                .param("order", orderId).param("d", customerId).param("credit", credit.amount())
                .param("cash", cash.amount()).param("currency", credit.currency().getCurrencyCode())
                .param("at", Timestamp.from(clock.instant())).update();
        accounts.creditSpent(customerId, cash.amount());
    }

    @ApplicationModuleListener
    void restoreOnOrderCancelled(OrderCancelled event) {
        restore(event.orderId());
    }

    @ApplicationModuleListener
    void restoreOnOrderRefunded(OrderRefunded event) {
        if (event.fullyRefunded()) {
            restore(event.orderId());
        }
    }

    /** Gives the credit spent on the order back to the available balance; a replay changes nothing. */
    int restore(long orderId) {
        var spend = jdbc.sql("""
                SELECT distributor_id, cash_amount FROM store_credit_spend
                WHERE order_id = :o AND restored_at IS NULL FOR UPDATE""")
                .param("o", orderId)
                .query((rs, i) -> Map.entry(rs.getLong("distributor_id"), rs.getBigDecimal("cash_amount"))).optional();
        if (spend.isEmpty()) {
            return 0;
        }
        int restored = jdbc.sql("UPDATE store_credit_spend SET restored_at = :at WHERE order_id = :o AND restored_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("o", orderId).update();
        if (restored == 1) {
            accounts.creditSpent(spend.get().getKey(), spend.get().getValue().negate());
        }
        return restored;
    }
}

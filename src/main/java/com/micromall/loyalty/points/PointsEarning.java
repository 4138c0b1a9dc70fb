package com.micromall.loyalty.points;

import com.micromall.distribution.CustomerSharing;
import com.micromall.order.CustomerOrder;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderHistory;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderRefunded;
import com.micromall.order.RefundedLine;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points follow orders: a completed order earns its buyer points on the goods paid (after every discount, without
 * shipping) and, when it is a referred friend's first, their inviter the owner's referral points; both frozen for the
 * return window like commission. A refund takes back its share of both and gives back its share of the points spent;
 * a cancellation gives back all points spent.
 */
@Component
@RequiredArgsConstructor
class PointsEarning {

    private final PointsBook book;
    private final PointsSettingsService settings;
    private final DistributionSettingsService distributionSettings;
    private final ShopSettingsService shopSettings;
    private final CustomerSharing sharing;
    private final OrderHistory orders;

    @ApplicationModuleListener
    void onOrderCompleted(OrderCompleted event) {
        PointsSettings terms = settings.current();
        if (!terms.enabled()) {
            return;
        }
        Money paid = event.lines().stream().map(OrderLineSnapshot::paidAmount).reduce(Money::plus)
                .orElseGet(() -> Money.zero(shopSettings.current().currency()));
        Instant unfreezesAt = event.completedAt().plus(Duration.ofDays(distributionSettings.current().returnWindowDays()));
        Instant expiresAt = book.expiry(terms, event.completedAt());
        book.earn(event.customerId(), PointsBook.ORDER, Long.toString(event.orderId()), terms.pointsFor(paid),
                event.orderId(), event.orderNumber(), paid.amount(), unfreezesAt, expiresAt);
        if (terms.referralPoints() > 0) {
            Optional<Long> inviter = sharing.inviterOf(event.customerId());
            // A gift taken for points is not a purchase the friend was brought to make.
            if (inviter.isPresent() && firstCompleted(event) && !book.isGiftOrder(event.orderId())) {
                book.earn(inviter.get(), PointsBook.REFERRAL, Long.toString(event.customerId()), terms.referralPoints(),
                        event.orderId(), event.orderNumber(), paid.amount(), unfreezesAt, expiresAt);
            }
        }
    }

    @ApplicationModuleListener
    void onOrderRefunded(OrderRefunded event) {
        BigDecimal goods = event.lines().stream().map(RefundedLine::amount).map(Money::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String refundId = event.refundId() != null ? event.refundId() : event.orderNumber() + "@" + event.refundedAt();
        book.orderRefunded(event.orderId(), refundId, goods, event.fullyRefunded());
    }

    @ApplicationModuleListener
    void onOrderCancelled(OrderCancelled event) {
        book.orderCancelled(event.orderId());
    }

    /** Whether this is the buyer's first completed order (no other completed or refunded one). */
    private boolean firstCompleted(OrderCompleted event) {
        return orders.ordersOf(event.customerId()).stream()
                .filter(order -> !order.number().equals(event.orderNumber()))
                .map(CustomerOrder::status).map(status -> status.toUpperCase(Locale.ROOT))
                .noneMatch(status -> status.equals("COMPLETED") || status.equals("REFUNDED"));
    }
}

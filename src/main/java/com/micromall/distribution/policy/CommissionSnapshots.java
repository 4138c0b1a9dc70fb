package com.micromall.distribution.policy;

import com.micromall.distribution.StaffCommissions;
import com.micromall.distribution.experiments.Arm;
import com.micromall.distribution.experiments.Experiments;
import com.micromall.distribution.referral.Beneficiaries;
import com.micromall.distribution.referral.ReferralNetwork;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPlaced;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Freezes, when an order is placed, who earns from it and at which rates (the rates of the tier each sharer holds
 * then, else the shop's; return window; each product's override), so later changes to settings, tiers or products
 * never change a placed order's commission. Always writes a snapshot row - with no beneficiaries when the buyer has no
 * active referrer - so crediting knows the order was seen. Replays change nothing. {@link OrderTerms} reads them.
 */
@Component
@RequiredArgsConstructor
class CommissionSnapshots {

    private final JdbcClient jdbc;
    private final ReferralNetwork network;
    private final DistributionSettingsService settings;
    private final ProductApi products;
    private final List<StaffCommissions> staffCommissions;
    private final DistributorTiers tiers;
    private final Experiments experiments;

    /**
     * Heard in the placing transaction, not after it: the shop's rates and the products' overrides read here are those
     * in force when the order was placed, however late an asynchronous delivery would have come, and the snapshot
     * exists before any later event of the order is heard. A failure here rolls the order back rather than leaving it
     * without commission terms.
     */
    @EventListener
    void snapshotOnOrderPlaced(OrderPlaced event) {
        DistributionSettings rules = settings.current();
        Beneficiaries beneficiaries = network.beneficiariesOf(event.customerId());
        Long level1 = beneficiaries.level1().orElse(null);
        Long level2 = rules.levelTwoOn() ? beneficiaries.level2().orElse(null) : null;
        Optional<StaffCommissions.StaffShare> staff = staffCommissions.stream()
                .flatMap(source -> source.forOrder(event.orderId()).stream())
                .filter(share -> share.percent().signum() > 0).findFirst();
        // Each sharer earns at the rates of the tier they hold when the order is placed (the shop's rates without one).
        DistributorTiers.Scheme scheme = level1 == null && level2 == null ? null : tiers.scheme();
        Optional<DistributorTiers.Tier> tier1 = level1 == null || scheme == null || scheme.isEmpty() ? Optional.empty()
                : tiers.tierAt(scheme, level1, event.placedAt());
        Optional<DistributorTiers.Tier> tier2 = level2 == null || scheme == null || scheme.isEmpty() ? Optional.empty()
                : tiers.tierAt(scheme, level2, event.placedAt()).filter(t -> t.level2Percent() != null);
        // A running experiment's arm replaces the shop's base level-1 rate; the tier keeps its uplift over that base.
        Optional<Arm> arm = level1 == null ? Optional.empty() : experiments.armOf(level1);
        BigDecimal tier1Percent = tier1.map(DistributorTiers.Tier::level1Percent).orElse(null);
        BigDecimal p1 = arm.map(a -> a.level1Percent(tier1Percent, rules.level1Percent()))
                .orElse(tier1Percent != null ? tier1Percent : rules.level1Percent());
        BigDecimal p2 = tier2.map(DistributorTiers.Tier::level2Percent).orElse(rules.level2Percent());
        int inserted = jdbc.sql("""
                INSERT INTO commission_snapshot (order_id, order_number, buyer_id, placed_at, level1_id, level2_id,
                    level1_percent, level2_percent, return_window_days, currency, shipping_line1, shipping_postal, state,
                    staff_account_id, staff_percent, level1_tier, level2_tier, experiment_arm_id)
                VALUES (:order, :number, :buyer, :placed, :l1, :l2, :p1, :p2, :window, :currency, :line1, :postal, 'PLACED',
                    :staff, :staffPercent, :tier1, :tier2, :arm)
                ON CONFLICT DO NOTHING""")
                .param("staff", staff.map(StaffCommissions.StaffShare::accountId).orElse(null), java.sql.Types.BIGINT)
                .param("staffPercent", staff.map(StaffCommissions.StaffShare::percent).orElse(null), java.sql.Types.NUMERIC)
                .param("order", event.orderId()).param("number", event.orderNumber())
                .param("buyer", event.customerId()).param("placed", Timestamp.from(event.placedAt()))
                .param("l1", level1, java.sql.Types.BIGINT).param("l2", level2, java.sql.Types.BIGINT)
                .param("p1", p1).param("p2", p2)
                .param("arm", arm.map(Arm::id).orElse(null), java.sql.Types.BIGINT)
                .param("tier1", tier1.map(DistributorTiers.Tier::name).orElse(null), java.sql.Types.VARCHAR)
                .param("tier2", tier2.map(DistributorTiers.Tier::name).orElse(null), java.sql.Types.VARCHAR)
                .param("window", rules.returnWindowDays())
                .param("currency", event.total().currency().getCurrencyCode())
                .param("line1", event.shippingLine1(), java.sql.Types.VARCHAR)
                .param("postal", event.shippingPostalCode(), java.sql.Types.VARCHAR)
                .update();
        if (inserted == 0 || (level1 == null && level2 == null && staff.isEmpty())) {
            return;
        }
        Map<Long, ProductSummary> byId = products.findAll(event.lines().stream().map(OrderLineSnapshot::productId).toList())
                .stream().collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        List<Money> gifts = friendGifts(event, level1 != null);
        Money armCommission = Money.zero(event.total().currency());
        List<OrderTerms.SnapshotLine> written = new ArrayList<>();
        for (int i = 0; i < event.lines().size(); i++) {
            OrderLineSnapshot line = event.lines().get(i);
            ProductSummary product = byId.get(line.productId());
            written.add(new OrderTerms.SnapshotLine(line.lineId(), line.productId(), line.quantity(),
                    line.paidAmount().amount(), product == null ? null : product.commissionPercent(),
                    product == null || product.commissionFixedAmount() == null ? null
                            : product.commissionFixedAmount().amount(), 0, gifts.get(i).amount()));
            jdbc.sql("""
                    INSERT INTO commission_snapshot_line (line_id, order_id, product_id, quantity, paid_amount,
                        override_percent, override_fixed, friend_gift)
                    VALUES (:line, :order, :product, :quantity, :paid, :percent, :fixed, :gift)
                    ON CONFLICT DO NOTHING""")
                    .param("line", line.lineId()).param("order", event.orderId()).param("product", line.productId())
                    .param("quantity", line.quantity()).param("paid", line.paidAmount().amount())
                    .param("gift", gifts.get(i).amount())
                    .param("percent", product == null ? null : product.commissionPercent(), java.sql.Types.NUMERIC)
                    .param("fixed", product == null || product.commissionFixedAmount() == null ? null
                            : product.commissionFixedAmount().amount(), java.sql.Types.NUMERIC)
                    .update();
            if (arm.isPresent()) {
                armCommission = armCommission.plus(CommissionPolicy.amount(new CommissionPolicy.LineTerms(line.quantity(),
                        line.paidAmount(), product == null ? null : product.commissionPercent(),
                        product == null || product.commissionFixedAmount() == null ? null
                                : product.commissionFixedAmount().amount(), gifts.get(i)), 1, p1, p2));
            }
        }
        if (arm.isPresent() && level1 != null) {
            // The arm's figures: goods before the friend's discounts, the commission kept, what the friend was given.
            Money given = event.discountFrom(WelcomeDiscounts.SOURCE).plus(event.discountFrom(WelcomeDiscounts.GIFT_SOURCE));
            Money paid = event.lines().stream().map(OrderLineSnapshot::paidAmount)
                    .reduce(Money.zero(event.total().currency()), Money::plus);
            experiments.orderPlaced(new Experiments.PricedOrder(event.orderId(), arm.get().id(), level1,
                    event.customerId(), event.placedAt(), paid.plus(given).amount(), armCommission.amount(),
                    given.amount()));
        }
        // What the order is expected to earn its sharers, from the lines just written rather than read back.
        writeExpected(jdbc, event.orderId(), level1, level2, p1, p2, event.total().currency(), written);
    }

    /**
     * Writes on the snapshot what the order, while it is open, is expected to earn its level-1 and level-2 sharers:
     * each line's commission as it would be credited now, less the units refunded so far. The dashboard sums it over
     * the distributor's open orders; completing, cancelling or fully refunding the order takes it out of that sum by
     * its state alone, so nothing is ever subtracted. Does nothing once the order is no longer open.
     */
    static void countExpected(JdbcClient jdbc, long orderId) {
        record Terms(@Nullable Long level1, @Nullable Long level2, BigDecimal level1Percent, BigDecimal level2Percent,
                     Currency currency) {
        }
        Optional<Terms> open = jdbc.sql("""
                SELECT level1_id, level2_id, level1_percent, level2_percent, currency FROM commission_snapshot
                WHERE order_id = :o AND state = 'PLACED'""")
                .param("o", orderId)
                .query((rs, i) -> new Terms(rs.getObject("level1_id", Long.class), rs.getObject("level2_id", Long.class),
                        rs.getBigDecimal("level1_percent"), rs.getBigDecimal("level2_percent"),
                        Currency.getInstance(rs.getString("currency"))))
                .optional();
        if (open.isEmpty()) {
            return;
        }
        Terms t = open.get();
        writeExpected(jdbc, orderId, t.level1(), t.level2(), t.level1Percent(), t.level2Percent(), t.currency(),
                OrderTerms.lines(jdbc, orderId));
    }

    private static void writeExpected(JdbcClient jdbc, long orderId, @Nullable Long level1, @Nullable Long level2,
                                      BigDecimal level1Percent, BigDecimal level2Percent, Currency currency,
                                      List<OrderTerms.SnapshotLine> lines) {
        jdbc.sql("UPDATE commission_snapshot SET level1_expected = :a, level2_expected = :b WHERE order_id = :o")
                .param("a", level1 == null ? null : expected(lines, currency, 1, level1Percent, level2Percent),
                        java.sql.Types.NUMERIC)
                .param("b", level2 == null ? null : expected(lines, currency, 2, level1Percent, level2Percent),
                        java.sql.Types.NUMERIC)
                .param("o", orderId).update();
    }

    /** What the lines are expected to earn at one level: each line's commission as it would be credited. */
    private static BigDecimal expected(List<OrderTerms.SnapshotLine> lines, Currency currency, int level,
                                       BigDecimal level1Percent, BigDecimal level2Percent) {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderTerms.SnapshotLine line : lines) {
            sum = sum.add(line.commission(currency, level, level1Percent, level2Percent).amount());
        }
        return sum;
    }

    /**
     * The friend's share the level-1 sharer gave on this order (WelcomeDiscounts' gift line), as each
     * line carries it; zero everywhere when there was none or nobody earns at level 1.
     */
    private static List<Money> friendGifts(OrderPlaced event, boolean level1Earns) {
        Money gift = event.discountFrom(WelcomeDiscounts.GIFT_SOURCE);
        if (!level1Earns || !gift.isPositive()) {
            return event.lines().stream().map(line -> Money.zero(line.paidAmount().currency())).toList();
        }
        return FriendShare.perLine(event.lines().stream().map(OrderLineSnapshot::lineTotal).toList(),
                event.lines().stream().map(OrderLineSnapshot::paidAmount).toList(), event.discountTotal(), gift);
    }

    /** Cancelled before payment: nothing was credited, and no longer open, nothing is expected any more. */
    @ApplicationModuleListener
    void forgetOnOrderCancelled(OrderCancelled event) {
        jdbc.sql("UPDATE commission_snapshot SET state = 'CANCELLED' WHERE order_id = :order AND state = 'PLACED'")
                .param("order", event.orderId()).update();
    }
}

package com.micromall.order.internal;

import com.micromall.order.LineDiscount;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPaid;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.OrderShipped;
import com.micromall.order.PaymentMethod;
import com.micromall.order.RefundedLine;
import com.micromall.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;

/**
 * The order aggregate. Every status change goes through a guarded method that checks the current
 * status, writes a timeline entry and registers the event other modules hear about.
 *
 * <p>Shipping fee and refunds: a partial refund returns only goods (what was paid for the refunded
 * units); the shipping fee goes back only with the refund that leaves nothing of the order
 * unrefunded, so a fully refunded order returns exactly its total.
 */
@Entity
@Table(name = "shop_order")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Order {

    private static final Set<OrderStatus> REFUNDABLE = EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED);

    /** A line as checkout hands it over. */
    record NewLine(long productId, String productName, Money unitPrice, int quantity, Money paidAmount,
                   List<LineDiscount> discounts) {
    }

    /** The shipping address copied onto the order. */
    record ShippingAddress(String recipient, String phone, String line1, @Nullable String line2, String city,
                           String postalCode, String country) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    private String checkoutToken;
    private long customerId;
    private String customerName;
    private String customerEmail;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private PaymentMethod paymentMethod;
    private String currency;
    private BigDecimal goodsTotal;
    private BigDecimal discountTotal;
    private BigDecimal shippingFee;
    private BigDecimal total;
    private BigDecimal refundedTotal;
    private String shipRecipient;
    private String shipPhone;
    private String shipLine1;
    private @Nullable String shipLine2;
    private String shipCity;
    private String shipPostalCode;
    private String shipCountry;
    private @Nullable String trackingNote;
    private Instant placedAt;
    private @Nullable Instant paidAt;
    @Version
    private long version;

    // The lists below: each row carries its order_id from its INSERT (updatable = false: no UPDATE setting it
    // afterwards), and they take no part in the version (OptimisticLock excluded), or placing an order would
    // update the order row it had just inserted only to raise the version. Every change that adds a line to the
    // history also changes the status or the refunded total, so the version still guards each change.

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @OptimisticLock(excluded = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @OptimisticLock(excluded = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<OrderDiscount> discounts = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @OptimisticLock(excluded = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<OrderStatusChange> history = new ArrayList<>();

    @Transient
    private final List<Object> events = new ArrayList<>();

    static Order place(String number, String checkoutToken, long customerId, String customerName, String customerEmail,
                       PaymentMethod paymentMethod, List<NewLine> newLines, List<com.micromall.order.DiscountLine> discountLines,
                       Money shippingFee, ShippingAddress address, Instant now) {
        if (newLines.isEmpty()) {
            throw new OrderStateException("order.checkout.emptyCart");
        }
        Order order = new Order();
        Currency currency = shippingFee.currency();
        order.number = number;
        order.checkoutToken = checkoutToken;
        order.customerId = customerId;
        order.customerName = customerName;
        order.customerEmail = customerEmail;
        order.status = OrderStatus.PENDING_PAYMENT;
        order.paymentMethod = paymentMethod;
        order.currency = currency.getCurrencyCode();
        Money goods = Money.zero(currency);
        Money paid = Money.zero(currency);
        int position = 0;
        for (NewLine line : newLines) {
            order.lines.add(new OrderLine(position++, line.productId(), line.productName(), line.unitPrice(),
                    line.quantity(), line.paidAmount(), line.discounts()));
            goods = goods.plus(line.unitPrice().times(line.quantity()));
            paid = paid.plus(line.paidAmount());
        }
        position = 0;
        for (var discount : discountLines) {
            order.discounts.add(new OrderDiscount(position++, discount.source(), discount.labelKey(),
                    discount.labelArgs(), discount.amount().amount()));
        }
        order.goodsTotal = goods.amount();
        order.discountTotal = goods.minus(paid).amount();
        order.shippingFee = shippingFee.amount();
        order.total = paid.plus(shippingFee).amount();
        order.refundedTotal = BigDecimal.ZERO;
        order.shipRecipient = address.recipient();
        order.shipPhone = address.phone();
        order.shipLine1 = address.line1();
        order.shipLine2 = address.line2();
        order.shipCity = address.city();
        order.shipPostalCode = address.postalCode();
        order.shipCountry = address.country();
        order.placedAt = now;
        order.record(OrderStatusChange.Kind.PLACED, now, "customer:" + customerId, null, null);
        return order;
    }

    /** Registers OrderPlaced; called once the order and its lines have ids. */
    void announcePlaced() {
        events.add(new OrderPlaced(id, number, customerId, placedAt, lineSnapshots(), money(goodsTotal),
                money(discountTotal), money(shippingFee), money(total), paymentMethod, shipLine1, shipPostalCode,
                discounts.stream().map(d -> new com.micromall.order.DiscountLine(d.getSource(), d.getLabelKey(),
                        d.labelArgList(), money(d.getAmount()))).toList()));
    }

    void markPaid(String actor, Instant now) {
        require(status == OrderStatus.PENDING_PAYMENT, "order.error.notPending");
        status = OrderStatus.PAID;
        paidAt = now;
        record(OrderStatusChange.Kind.PAID, now, actor, null, null);
        events.add(new OrderPaid(id, number, customerId, now));
    }

    void ship(String actor, @Nullable String note, Instant now) {
        require(status == OrderStatus.PAID, "order.error.notPaid");
        status = OrderStatus.SHIPPED;
        trackingNote = note == null || note.isBlank() ? null : note.strip();
        record(OrderStatusChange.Kind.SHIPPED, now, actor, trackingNote, null);
        events.add(new OrderShipped(id, number, customerId, now, trackingNote));
    }

    void complete(String actor, Instant now) {
        require(status == OrderStatus.SHIPPED, "order.error.notShipped");
        status = OrderStatus.COMPLETED;
        record(OrderStatusChange.Kind.COMPLETED, now, actor, null, null);
        events.add(new OrderCompleted(id, number, customerId, now, lineSnapshots()));
    }

    /** Cancels an unpaid order; the caller puts {@link #reservedQuantities()} back on stock. */
    void cancel(String actor, OrderCancelled.CancelReason reason, Instant now) {
        require(status == OrderStatus.PENDING_PAYMENT, "order.error.notCancellable");
        status = OrderStatus.CANCELLED;
        record(OrderStatusChange.Kind.CANCELLED, now, actor, reason.name(), null);
        events.add(new OrderCancelled(id, number, customerId, now, reason));
    }

    /** Product id → quantity this order holds from stock, by product id: the order stock rows are always locked in. */
    Map<Long, Integer> reservedQuantities() {
        Map<Long, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.getProductId(), line.getQuantity(), Integer::sum));
        return quantities;
    }

    /** What refunding these quantities (line id → units) would return, without changing anything. */
    Money previewRefund(Map<Long, Integer> quantities) {
        Money amount = Money.zero(currency());
        int units = 0;
        for (OrderLine line : lines) {
            int q = quantities.getOrDefault(line.getId(), 0);
            if (q < 0) {
                throw new OrderStateException("order.error.refundTooMuch", line.getProductName(), line.refundableQuantity());
            }
            if (q > 0) {
                amount = amount.plus(line.refundAmountFor(q, currency()));
                units += q;
            }
        }
        if (units == 0) {
            throw new OrderStateException("order.error.refundNothing");
        }
        if (units == refundableUnits()) {
            amount = amount.plus(money(shippingFee));
        }
        return amount;
    }

    /** What the refund made by this form's token returned, if that form was already sent. */
    Optional<Money> refundedBy(String requestToken) {
        return history.stream().filter(step -> requestToken.equals(step.getRequestToken())).findFirst()
                .map(step -> money(step.getAmount() == null ? BigDecimal.ZERO : step.getAmount()));
    }

    Money refund(Map<Long, Integer> quantities, String reason, String actor, @Nullable String requestToken,
                 Instant now) {
        require(REFUNDABLE.contains(status), "order.error.notRefundable");
        for (Long lineId : quantities.keySet()) {
            if (lines.stream().noneMatch(line -> line.getId().equals(lineId))) {
                throw new OrderStateException("order.error.refundNothing");
            }
        }
        previewRefund(quantities);
        List<RefundedLine> refunded = new ArrayList<>();
        Money amount = Money.zero(currency());
        for (OrderLine line : lines) {
            int q = quantities.getOrDefault(line.getId(), 0);
            if (q > 0) {
                Money lineAmount = line.refund(q, currency());
                refunded.add(new RefundedLine(line.getId(), line.getProductId(), q, lineAmount));
                amount = amount.plus(lineAmount);
            }
        }
        boolean full = refundableUnits() == 0;
        if (full) {
            amount = amount.plus(money(shippingFee));
            status = OrderStatus.REFUNDED;
        }
        refundedTotal = refundedTotal.add(amount.amount());
        String refundId = refundId(1 + (int) history.stream().filter(OrderStatusChange::isRefund).count());
        record(full ? OrderStatusChange.Kind.REFUNDED : OrderStatusChange.Kind.PARTIAL_REFUND, now, actor, reason,
                amount.amount(), requestToken);
        events.add(new OrderRefunded(id, number, customerId, now, List.copyOf(refunded), amount, full, reason,
                refundId));
        return amount;
    }

    /**
     * The natural key of the order's {@code n}th refund (its timeline step): unique in the shop, since order
     * numbers are, and never reused, since a timeline only grows.
     */
    private String refundId(int n) {
        return number + "-R" + n;
    }

    int refundableUnits() {
        return lines.stream().mapToInt(OrderLine::refundableQuantity).sum();
    }

    boolean canRefund() {
        return REFUNDABLE.contains(status) && refundableUnits() > 0;
    }

    List<OrderLineSnapshot> lineSnapshots() {
        // An order with discounts whose lines have none recorded was placed before lines kept them: unknown, not none.
        boolean recorded = discountTotal.signum() == 0 || lines.stream().anyMatch(OrderLine::hasDiscountsRecorded);
        return lines.stream().map(line -> new OrderLineSnapshot(line.getId(), line.getProductId(), line.getProductName(),
                line.getQuantity(), line.unitPrice(currency()), line.lineTotal(currency()),
                line.paidAmount(currency()), recorded ? line.discounts(currency()) : null)).toList();
    }

    List<Object> releaseEvents() {
        List<Object> released = List.copyOf(events);
        events.clear();
        return released;
    }

    List<Object> pendingEvents() {
        return Collections.unmodifiableList(events);
    }

    Currency currency() {
        return Currency.getInstance(currency);
    }

    Money money(BigDecimal amount) {
        return Money.of(amount, currency());
    }

    private void record(OrderStatusChange.Kind kind, Instant now, String actor, @Nullable String note,
                        @Nullable BigDecimal amount) {
        record(kind, now, actor, note, amount, null);
    }

    private void record(OrderStatusChange.Kind kind, Instant now, String actor, @Nullable String note,
                        @Nullable BigDecimal amount, @Nullable String requestToken) {
        history.add(new OrderStatusChange(history.size(), kind, status, now, actor, note, amount, requestToken));
    }

    private void require(boolean allowed, String messageKey) {
        if (!allowed) {
            throw new OrderStateException(messageKey, number);
        }
    }
}

package com.micromall.order.internal;

import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Read models of orders for pages (entities never leave the module's inside). */
public final class OrderViews {

    private OrderViews() {
    }

    public record Line(long id, long productId, String productName, Money unitPrice, int quantity, Money lineTotal,
                       Money paidAmount, int refundedQuantity, Money refundedAmount) {

        public int refundableQuantity() {
            return quantity - refundedQuantity;
        }

        /** What the buyer paid for the units not refunded yet: exactly what refunding all of them returns. */
        public Money paidForRefundable() {
            return paidAmount.minus(refundedAmount);
        }
    }

    public record Discount(String source, String labelKey, List<String> labelArgs, Money amount) {
    }

    public record Step(String kind, String status, Instant at, String actor, @Nullable String note,
                       @Nullable Money amount) {
    }

    public record Detail(String number, long customerId, String customerName, String customerEmail, String status,
                         PaymentMethod paymentMethod, Instant placedAt, List<Line> lines, List<Discount> discounts,
                         Money goodsTotal, Money discountTotal, Money shippingFee, Money total, Money refundedTotal,
                         String shippingAddress, @Nullable String trackingNote, List<Step> history,
                         boolean canPay, boolean canShip, boolean canComplete, boolean canCancel, boolean canRefund) {
    }

    public record Summary(String number, long customerId, String customerName, String customerEmail, String status,
                          PaymentMethod paymentMethod, Instant placedAt, int itemCount, Money total) {
    }

    static Detail detail(Order order) {
        var c = order.currency();
        OrderStatus s = order.getStatus();
        String address = String.join(", ", order.getShipLine2() == null
                ? new String[] {order.getShipRecipient(), order.getShipPhone(), order.getShipLine1(),
                        order.getShipPostalCode() + " " + order.getShipCity(), order.getShipCountry()}
                : new String[] {order.getShipRecipient(), order.getShipPhone(), order.getShipLine1(),
                        order.getShipLine2(), order.getShipPostalCode() + " " + order.getShipCity(),
                        order.getShipCountry()});
        return new Detail(order.getNumber(), order.getCustomerId(), order.getCustomerName(), order.getCustomerEmail(),
                s.name(), order.getPaymentMethod(), order.getPlacedAt(),
                order.getLines().stream().map(l -> new Line(l.getId(), l.getProductId(), l.getProductName(),
                        l.unitPrice(c), l.getQuantity(), l.lineTotal(c), l.paidAmount(c), l.getRefundedQuantity(),
                        l.refundedAmount(c))).toList(),
                order.getDiscounts().stream().map(d -> new Discount(d.getSource(), d.getLabelKey(), d.labelArgList(),
                        order.money(d.getAmount()))).toList(),
                order.money(order.getGoodsTotal()), order.money(order.getDiscountTotal()),
                order.money(order.getShippingFee()), order.money(order.getTotal()),
                order.money(order.getRefundedTotal()), address, order.getTrackingNote(),
                order.getHistory().stream().map(h -> new Step(h.getKind().name(), h.getStatus().name(),
                        h.getChangedAt(), h.getActor(), h.getNote(),
                        h.getAmount() == null ? null : order.money(h.getAmount()))).toList(),
                s == OrderStatus.PENDING_PAYMENT, s == OrderStatus.PAID, s == OrderStatus.SHIPPED,
                s == OrderStatus.PENDING_PAYMENT, order.canRefund());
    }

    static Summary summary(Order order) {
        return new Summary(order.getNumber(), order.getCustomerId(), order.getCustomerName(), order.getCustomerEmail(),
                order.getStatus().name(), order.getPaymentMethod(), order.getPlacedAt(),
                order.getLines().stream().mapToInt(OrderLine::getQuantity).sum(), order.money(order.getTotal()));
    }
}

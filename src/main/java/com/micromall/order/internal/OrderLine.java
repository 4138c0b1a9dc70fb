package com.micromall.order.internal;

import com.micromall.order.LineDiscount;
import com.micromall.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.BatchSize;

/** One product on an order: price and quantity at checkout, what was paid for it, what went back. */
@Entity
@Table(name = "order_line")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;
    private long productId;
    private String productName;
    private BigDecimal unitPrice;
    private int quantity;
    private BigDecimal lineTotal;
    private BigDecimal paidAmount;
    private int refundedQuantity;
    private BigDecimal refundedAmount;

    /** Loaded for all of an order's lines at once (the batch), when an event or page needs them. */
    @ElementCollection
    @CollectionTable(name = "order_line_discount", joinColumns = @JoinColumn(name = "order_line_id"))
    @BatchSize(size = 100)
    private List<OrderLineDiscount> discounts = new ArrayList<>();

    OrderLine(int position, long productId, String productName, Money unitPrice, int quantity, Money paidAmount,
              List<LineDiscount> discounts) {
        this.position = position;
        this.productId = productId;
        this.productName = productName;
        this.unitPrice = unitPrice.amount();
        this.quantity = quantity;
        this.lineTotal = unitPrice.times(quantity).amount();
        this.paidAmount = paidAmount.amount();
        this.refundedQuantity = 0;
        this.refundedAmount = BigDecimal.ZERO;
        discounts.forEach(d -> this.discounts.add(new OrderLineDiscount(d.source(), d.amount().amount())));
    }

    List<LineDiscount> discounts(Currency currency) {
        return discounts.stream().map(d -> new LineDiscount(d.getSource(), Money.of(d.getAmount(), currency))).toList();
    }

    boolean hasDiscountsRecorded() {
        return !discounts.isEmpty();
    }

    int refundableQuantity() {
        return quantity - refundedQuantity;
    }

    /**
     * What refunding {@code units} more units returns: the paid amount × units / quantity, rounded
     * down to the minor unit — except the units that complete the line get whatever is left, so
     * refunding every unit returns exactly what was paid.
     */
    Money refundAmountFor(int units, Currency currency) {
        if (units <= 0 || units > refundableQuantity()) {
            throw new OrderStateException("order.error.refundTooMuch", productName, refundableQuantity());
        }
        Money paid = Money.of(paidAmount, currency);
        if (units == refundableQuantity()) {
            return paid.minus(Money.of(refundedAmount, currency));
        }
        // Multiply first, divide once: exact in minor units, then rounded down.
        return Money.ofMinor(Math.multiplyExact(paid.minorUnits(), (long) units) / quantity, currency);
    }

    Money refund(int units, Currency currency) {
        Money amount = refundAmountFor(units, currency);
        refundedQuantity += units;
        refundedAmount = refundedAmount.add(amount.amount());
        return amount;
    }

    Money unitPrice(Currency currency) {
        return Money.of(unitPrice, currency);
    }

    Money lineTotal(Currency currency) {
        return Money.of(lineTotal, currency);
    }

    Money paidAmount(Currency currency) {
        return Money.of(paidAmount, currency);
    }

    Money refundedAmount(Currency currency) {
        return Money.of(refundedAmount, currency);
    }
}

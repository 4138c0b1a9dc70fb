package com.micromall.order.internal;

import com.micromall.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

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

    OrderLine(int position, long productId, String productName, Money unitPrice, int quantity, Money paidAmount) {
        this.position = position;
        this.productId = productId;
        this.productName = productName;
        this.unitPrice = unitPrice.amount();
        this.quantity = quantity;
        this.lineTotal = unitPrice.times(quantity).amount();
        this.paidAmount = paidAmount.amount();
        this.refundedQuantity = 0;
        this.refundedAmount = BigDecimal.ZERO;
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

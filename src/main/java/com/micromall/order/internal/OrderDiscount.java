package com.micromall.order.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A discount line granted at checkout through the CheckoutDiscounts extension point, as stored on the order. */
@Entity
@Table(name = "order_discount")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class OrderDiscount {

    /** Separates label arguments in one column; arguments never contain it (it is a control character). */
    static final String ARG_SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;
    private String source;
    private String labelKey;
    private String labelArgs;
    private BigDecimal amount;

    OrderDiscount(int position, String source, String labelKey, java.util.List<String> labelArgs, BigDecimal amount) {
        this.position = position;
        this.source = source;
        this.labelKey = labelKey;
        this.labelArgs = String.join(ARG_SEPARATOR, labelArgs);
        this.amount = amount;
    }

    java.util.List<String> labelArgList() {
        return labelArgs.isEmpty() ? java.util.List.of() : java.util.List.of(labelArgs.split(ARG_SEPARATOR, -1));
    }
}

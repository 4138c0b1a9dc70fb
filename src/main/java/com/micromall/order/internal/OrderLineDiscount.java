package com.micromall.order.internal;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** What one discount source took off one order line, recorded when the order was placed. */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class OrderLineDiscount {

    private String source;
    private BigDecimal amount;

    OrderLineDiscount(String source, BigDecimal amount) {
        this.source = source;
        this.amount = amount;
    }
}

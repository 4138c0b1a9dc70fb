package com.micromall.order.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** One step of an order's timeline. */
@Entity
@Table(name = "order_status_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class OrderStatusChange {

    enum Kind { PLACED, PAID, SHIPPED, COMPLETED, CANCELLED, PARTIAL_REFUND, REFUNDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private Instant changedAt;
    private String actor;
    private @Nullable String note;
    private @Nullable BigDecimal amount;
    /** The one-time token of the form that made this step (refunds), so the same form cannot make it twice. */
    private @Nullable String requestToken;

    boolean isRefund() {
        return kind == Kind.PARTIAL_REFUND || kind == Kind.REFUNDED;
    }

    OrderStatusChange(int position, Kind kind, OrderStatus status, Instant changedAt, String actor,
                      @Nullable String note, @Nullable BigDecimal amount, @Nullable String requestToken) {
        this.requestToken = requestToken;
        this.position = position;
        this.kind = kind;
        this.status = status;
        this.changedAt = changedAt;
        this.actor = actor;
        this.note = note;
        this.amount = amount;
    }
}

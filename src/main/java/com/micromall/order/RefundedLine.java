package com.micromall.order;

import com.micromall.shared.Money;

/** Part of a refund: {@code quantity} units of one line, worth {@code amount} of what was paid for it. */
public record RefundedLine(long lineId, long productId, int quantity, Money amount) {
}

package com.micromall.loyalty.vouchers;

import com.micromall.shared.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One voucher in a customer's hands, as "My vouchers" and the checkout see it. */
public record CustomerVoucher(long id, long customerId, VoucherTemplate template, Instant issuedAt, Instant validFrom,
                              Instant validUntil, @Nullable String usedOrderNumber, @Nullable Instant usedAt,
                              @Nullable Money discount) {

    public enum Status { VALID, NOT_YET_VALID, USED, EXPIRED }

    public Status status(Instant now) {
        if (usedOrderNumber != null) {
            return Status.USED;
        }
        if (!validUntil.isAfter(now)) {
            return Status.EXPIRED;
        }
        return validFrom.isAfter(now) ? Status.NOT_YET_VALID : Status.VALID;
    }
}

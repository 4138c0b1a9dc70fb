package com.micromall.loyalty.vouchers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A template as the owner defines it (checked by the form before it gets here; the table checks again). */
public record NewVoucherTemplate(String name, VoucherTemplate.Kind kind, @Nullable BigDecimal amount,
                                 @Nullable BigDecimal percent, BigDecimal minSpend, Currency currency,
                                 @Nullable Instant validFrom, @Nullable Instant validUntil, @Nullable Integer validDays,
                                 int perCustomerLimit, VoucherTemplate.Scope scope, Set<Long> targets,
                                 boolean combinesWithWelcome, boolean onRegistration, boolean referralReward,
                                 @Nullable BigDecimal maxDiscount) {

    public NewVoucherTemplate {
        targets = Set.copyOf(targets);
    }
}

package com.micromall.loyalty;

import java.time.Instant;

/** A customer was given a voucher for their birthday; {@code validUntil} is when it ends. */
public record BirthdayVoucherGiven(long customerId, long voucherTemplateId, String voucherName, int year,
                                   Instant validUntil) {
}

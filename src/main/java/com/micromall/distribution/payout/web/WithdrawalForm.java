package com.micromall.distribution.payout.web;

import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
import java.math.BigDecimal;
import java.util.Arrays;
import lombok.Getter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** The distributor's withdrawal request as typed: checked here for form, by the service for money. */
@Getter
public class WithdrawalForm {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999");

    private @Nullable String amount;
    private @Nullable String method;
    private @Nullable String accountDetails;
    /** Made when the form is shown and kept when it is shown again with errors: one form, one request. */
    private String requestToken = java.util.UUID.randomUUID().toString();

    /** The parsed request, or null after rejecting the fields that are wrong. */
    @Nullable Request parse(int scale, Errors errors) {
        BigDecimal value = null;
        if (amount == null || amount.isBlank()) {
            errors.rejectValue("amount", "distribution.withdrawals.error.amount.required");
        } else {
            value = decimal(amount);
            if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > scale
                    || value.compareTo(MAX_AMOUNT) > 0) {
                errors.rejectValue("amount", "distribution.withdrawals.error.amount.invalid");
                value = null;
            }
        }
        WithdrawalMethod chosen = Arrays.stream(WithdrawalMethod.values()).filter(m -> m.name().equals(method))
                .findFirst().orElse(null);
        if (chosen == null) {
            errors.rejectValue("method", "distribution.withdrawals.error.method.required");
        }
        String details = accountDetails == null ? "" : accountDetails.strip();
        if (details.isEmpty()) {
            errors.rejectValue("accountDetails", "distribution.withdrawals.error.accountDetails.required");
        } else if (details.length() > WithdrawalService.ACCOUNT_DETAILS_MAX) {
            errors.rejectValue("accountDetails", "distribution.withdrawals.error.accountDetails.tooLong");
        }
        return errors.hasErrors() || value == null || chosen == null ? null : new Request(value, chosen, details);
    }

    record Request(BigDecimal amount, WithdrawalMethod method, String accountDetails) {
    }

    private static @Nullable BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void setAmount(@Nullable String amount) {
        this.amount = amount;
    }

    public void setMethod(@Nullable String method) {
        this.method = method;
    }

    public void setAccountDetails(@Nullable String accountDetails) {
        this.accountDetails = accountDetails;
    }

    public void setRequestToken(@Nullable String requestToken) {
        this.requestToken = requestToken == null ? "" : requestToken;
    }
}

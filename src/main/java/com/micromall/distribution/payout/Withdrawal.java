package com.micromall.distribution.payout;

import com.micromall.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Money a distributor asked to be paid out. The amount (fee included) leaves the available balance
 * the moment it is requested; the owner then pays it (with the bank's or wallet's reference) or
 * rejects it (with a reason), after which it no longer counts and the money is available again.
 */
@Entity
@Table(name = "withdrawal")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Withdrawal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long distributorId;

    private BigDecimal amount;

    private BigDecimal fee;

    private BigDecimal net;

    private String currency;

    @Enumerated(EnumType.STRING)
    private WithdrawalMethod method;

    private String accountDetails;

    @Enumerated(EnumType.STRING)
    private WithdrawalState state;

    private @Nullable String paymentRef;

    private @Nullable String rejectReason;

    private Instant requestedAt;

    private @Nullable Instant decidedAt;

    private @Nullable String decidedBy;

    /** The one-time token of the form that asked for it: the same form sent twice asks once. */
    private @Nullable String requestToken;

    @Version
    private long version;

    private Withdrawal(long distributorId, Money amount, Money fee, WithdrawalMethod method, String accountDetails,
                       @Nullable String requestToken, Instant requestedAt) {
        this.requestToken = requestToken;
        this.distributorId = distributorId;
        this.amount = amount.amount();
        this.fee = fee.amount();
        this.net = amount.minus(fee).amount();
        this.currency = amount.currency().getCurrencyCode();
        this.method = method;
        this.accountDetails = accountDetails;
        this.state = WithdrawalState.REQUESTED;
        this.requestedAt = requestedAt;
    }

    static Withdrawal request(long distributorId, Money amount, Money fee, WithdrawalMethod method,
                              String accountDetails, @Nullable String requestToken, Instant at) {
        if (!amount.minus(fee).isPositive() || fee.amount().signum() < 0) {
            throw new IllegalArgumentException("net must be positive and the fee not negative");
        }
        return new Withdrawal(distributorId, amount, fee, method, accountDetails, requestToken, at);
    }

    void pay(String reference, String owner, Instant at) {
        requireRequested("paid");
        state = WithdrawalState.PAID;
        paymentRef = reference;
        decide(owner, at);
    }

    void reject(String reason, String owner, Instant at) {
        requireRequested("rejected");
        state = WithdrawalState.REJECTED;
        rejectReason = reason;
        decide(owner, at);
    }

    Money amountMoney() {
        return Money.of(amount, Currency.getInstance(currency));
    }

    Money feeMoney() {
        return Money.of(fee, Currency.getInstance(currency));
    }

    Money netMoney() {
        return Money.of(net, Currency.getInstance(currency));
    }

    private void decide(String owner, Instant at) {
        decidedBy = owner;
        decidedAt = at;
    }

    private void requireRequested(String step) {
        if (state != WithdrawalState.REQUESTED) {
            throw new WithdrawalStateException(state, step);
        }
    }
}

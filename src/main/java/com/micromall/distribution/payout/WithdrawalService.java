package com.micromall.distribution.payout;

import com.micromall.distribution.WithdrawalRejected;
import com.micromall.distribution.WithdrawalPaid;
import com.micromall.distribution.WithdrawalRequested;
import com.micromall.distribution.ledger.DistributorLocks;
import com.micromall.distribution.ledger.DistributorAccounts;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.RewardForm;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawals: a distributor asks for part of the available balance; the owner pays it out or
 * rejects it. A request locks the distributor first (DistributorLocks), then reads the balance, then
 * writes, so two requests at the same moment can never take the same money.
 */
@Service
@RequiredArgsConstructor
public class WithdrawalService {

    /** Column sizes of the withdrawal table: what the forms accept. */
    public static final int ACCOUNT_DETAILS_MAX = 500;
    public static final int REFERENCE_MAX = 100;
    public static final int REASON_MAX = 300;

    private final WithdrawalRepository withdrawals;
    private final DistributorLocks locks;
    private final DistributionApi balances;
    private final DistributionSettingsService distributionSettings;
    private final ShopSettingsService shopSettings;
    private final CustomerApi customers;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final DistributorChoices choices;
    private final DistributorAccounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** A withdrawal as pages show it. */
    public record WithdrawalView(long id, Money amount, Money fee, Money net, WithdrawalMethod method,
                                 String accountDetails, WithdrawalState state, @Nullable String paymentReference,
                                 @Nullable String rejectReason, Instant requestedAt, @Nullable Instant decidedAt) {
    }

    /** One line of the owner's queue: the withdrawal and who asked for it. */
    public record QueueRow(WithdrawalView withdrawal, long distributorId, String name, String email) {
    }

    /**
     * What the distributor's withdrawal page shows.
     *
     * @param distributor false when the customer is not a distributor (then nothing else matters)
     * @param available may be negative: a clawback after the return window is netted against later earnings
     */
    public record Overview(boolean distributor, boolean active, boolean cashRewards, Money available,
                           Money clawedBack, Money withdrawing, Money minimum, BigDecimal feePercent,
                           List<WithdrawalView> history) {

        public boolean negative() {
            return available.amount().signum() < 0;
        }
    }

    /** A reason a request was refused; {@code field} is null when it concerns the whole form. */
    public record Refusal(@Nullable String field, String messageKey, List<Money> args) {
    }

    /**
     * Either the new withdrawal's id or the reasons it was refused; {@code repeated} when the same form
     * had already asked for it (a double click or a resend), so nothing new was requested.
     */
    public record Outcome(@Nullable Long withdrawalId, @Nullable Money amount, List<Refusal> refusals,
                          boolean repeated) {

        static Outcome refused(List<Refusal> refusals) {
            return new Outcome(null, null, List.copyOf(refusals), false);
        }

        public boolean accepted() {
            return withdrawalId != null;
        }
    }

    /** The fee: a per cent of the amount, rounded to the cent half up (the page says so). */
    public static Money feeFor(Money amount, BigDecimal feePercent) {
        return amount.percent(feePercent, RoundingMode.HALF_UP);
    }

    @Transactional(readOnly = true)
    public Overview overview(long customerId) {
        DistributionSettings settings = distributionSettings.current();
        Currency currency = shopSettings.current().currency();
        Money minimum = Money.of(settings.withdrawalMinimum(), currency, RoundingMode.HALF_UP);
        Optional<DistributorFacts> facts = facts(customerId);
        if (facts.isEmpty()) {
            Money zero = Money.zero(currency);
            return new Overview(false, false, true, zero, zero, zero, minimum, settings.withdrawalFeePercent(), List.of());
        }
        DistributionApi.Balances money = balances.balancesOf(customerId);
        return new Overview(true, facts.get().active(), facts.get().cash(), money.available(), money.clawedBack(),
                money.withdrawing(), minimum, settings.withdrawalFeePercent(), historyOf(customerId));
    }

    /** A withdrawal paid out: its amount (fee included) and when the owner decided. */
    public record Payment(BigDecimal amount, Instant decidedAt) {
    }

    /** The distributor's withdrawals paid out with a decision in [from, to), in one query. */
    @Transactional(readOnly = true)
    public List<Payment> paidOut(long customerId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT amount, decided_at FROM withdrawal
                WHERE distributor_id = :d AND state = 'PAID' AND decided_at >= :from AND decided_at < :to""")
                .param("d", customerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new Payment(rs.getBigDecimal("amount"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    /** The distributor's own withdrawals, newest first. */
    @Transactional(readOnly = true)
    public List<WithdrawalView> historyOf(long customerId) {
        return withdrawals.findByDistributorIdOrderByRequestedAtDescIdDesc(customerId).stream()
                .map(WithdrawalService::view).toList();
    }

    /**
     * Takes {@code amount} (fee included) out of the available balance, or says why not. The lock comes
     * first, the balance is read after it: that order is what makes concurrent requests safe. A form
     * whose {@code requestToken} already asked for a withdrawal gets that one back, unchanged.
     */
    @Transactional
    public Outcome request(long customerId, BigDecimal amount, WithdrawalMethod method, String accountDetails,
                           @Nullable String requestToken) {
        if (!locks.lock(customerId)) {
            return Outcome.refused(List.of(new Refusal(null, "distribution.withdrawals.error.notDistributor", List.of())));
        }
        String token = requestToken == null || requestToken.isBlank() ? null : requestToken.strip();
        if (token != null) {
            Optional<Withdrawal> already = withdrawals.findByDistributorIdAndRequestToken(customerId, token);
            if (already.isPresent()) {
                return new Outcome(already.get().getId(), already.get().amountMoney(), List.of(), true);
            }
        }
        DistributorFacts facts = facts(customerId).orElseThrow();
        if (!facts.active()) {
            return Outcome.refused(List.of(new Refusal(null, "distribution.withdrawals.error.notActive", List.of())));
        }
        if (!facts.cash()) {
            return Outcome.refused(List.of(new Refusal(null, "distribution.withdrawals.error.storeCredit", List.of())));
        }
        DistributionSettings settings = distributionSettings.current();
        Currency currency = shopSettings.current().currency();
        Money available = balances.balancesOf(customerId).available();
        Money minimum = Money.of(settings.withdrawalMinimum(), currency, RoundingMode.HALF_UP);
        List<Refusal> refusals = new ArrayList<>();
        String details = accountDetails.strip();
        if (details.isEmpty()) {
            refusals.add(new Refusal("accountDetails", "distribution.withdrawals.error.accountDetails.required", List.of()));
        } else if (details.length() > ACCOUNT_DETAILS_MAX) {
            refusals.add(new Refusal("accountDetails", "distribution.withdrawals.error.accountDetails.tooLong", List.of()));
        }
        Money asked;
        try {
            asked = Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            refusals.add(new Refusal("amount", "distribution.withdrawals.error.amount.invalid", List.of()));
            return Outcome.refused(refusals);
        }
        Money fee = feeFor(asked, settings.withdrawalFeePercent());
        if (!asked.isPositive()) {
            refusals.add(new Refusal("amount", "distribution.withdrawals.error.amount.invalid", List.of()));
        } else if (asked.compareTo(minimum) < 0) {
            refusals.add(new Refusal("amount", "distribution.withdrawals.error.amount.belowMinimum", List.of(minimum)));
        } else if (asked.compareTo(available) > 0) {
            refusals.add(new Refusal("amount", "distribution.withdrawals.error.amount.overAvailable",
                    List.of(available)));
        } else if (!asked.minus(fee).isPositive()) {
            refusals.add(new Refusal("amount", "distribution.withdrawals.error.amount.nothingLeft", List.of(fee)));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(refusals);
        }
        Withdrawal withdrawal = withdrawals.saveAndFlush(
                Withdrawal.request(customerId, asked, fee, method, details, token, clock.instant()));
        accounts.withdrawalRequested(customerId, asked.amount());
        events.publishEvent(new WithdrawalRequested(withdrawal.getId(), customerId, withdrawal.amountMoney(),
                withdrawal.feeMoney(), withdrawal.netMoney(), method.name(), withdrawal.getRequestedAt()));
        return new Outcome(withdrawal.getId(), asked, List.of(), false);
    }

    /**
     * The owner paid it out: REQUESTED → PAID with the payment reference; audited. Returns false when it
     * was already paid with this reference (the same decision sent twice): nothing changes then.
     */
    @Transactional
    public boolean pay(long withdrawalId, String paymentReference, String owner) {
        Withdrawal withdrawal = findForDecision(withdrawalId);
        if (withdrawal.getState() == WithdrawalState.PAID && paymentReference.strip().equals(withdrawal.getPaymentRef())) {
            return false;
        }
        String before = describe(withdrawal);
        withdrawal.pay(paymentReference.strip(), owner, clock.instant());
        withdrawals.flush();
        accounts.withdrawalPaid(withdrawal.getDistributorId(), withdrawal.getAmount());
        auditLog.record(owner, "distribution.withdrawal.pay", "withdrawal:" + withdrawalId, before,
                describe(withdrawal) + " ref " + withdrawal.getPaymentRef());
        events.publishEvent(new WithdrawalPaid(withdrawalId, withdrawal.getDistributorId(), withdrawal.amountMoney(),
                withdrawal.feeMoney(), withdrawal.netMoney(), withdrawal.getMethod().name(),
                withdrawal.getPaymentRef(), withdrawal.getDecidedAt()));
        return true;
    }

    /**
     * The owner refused it: REQUESTED → REJECTED with the reason; the money counts as available again. Audited.
     * Returns false when it was already rejected for this reason (the same decision sent twice): nothing changes then.
     */
    @Transactional
    public boolean reject(long withdrawalId, String reason, String owner) {
        Withdrawal withdrawal = findForDecision(withdrawalId);
        if (withdrawal.getState() == WithdrawalState.REJECTED && reason.strip().equals(withdrawal.getRejectReason())) {
            return false;
        }
        String before = describe(withdrawal);
        withdrawal.reject(reason.strip(), owner, clock.instant());
        withdrawals.flush();
        accounts.withdrawalRejected(withdrawal.getDistributorId(), withdrawal.getAmount());
        auditLog.record(owner, "distribution.withdrawal.reject", "withdrawal:" + withdrawalId, before,
                describe(withdrawal) + ": " + withdrawal.getRejectReason());
        events.publishEvent(new WithdrawalRejected(withdrawalId, withdrawal.getDistributorId(),
                withdrawal.amountMoney(), withdrawal.getRejectReason(), withdrawal.getDecidedAt()));
        return true;
    }

    /** The owner's queue: withdrawals in one state, oldest first, with the distributor's name and e-mail. */
    @Transactional(readOnly = true)
    public List<QueueRow> queue(WithdrawalState state) {
        List<Withdrawal> rows = withdrawals.findByStateOrderByRequestedAtAscIdAsc(state);
        Map<Long, CustomerProfile> people = customers.findAll(rows.stream().map(Withdrawal::getDistributorId)
                        .distinct().toList()).stream()
                .collect(Collectors.toMap(CustomerProfile::id, Function.identity()));
        return rows.stream().map(w -> {
            CustomerProfile who = people.get(w.getDistributorId());
            return new QueueRow(view(w), w.getDistributorId(), who == null ? "" : who.name(),
                    who == null ? "" : who.email());
        }).toList();
    }

    private Withdrawal findForDecision(long withdrawalId) {
        return withdrawals.findForDecision(withdrawalId)
                .orElseThrow(() -> new NotFoundException("withdrawal " + withdrawalId));
    }

    private static String describe(Withdrawal withdrawal) {
        return withdrawal.getState() + " " + withdrawal.getAmount().toPlainString() + " " + withdrawal.getCurrency();
    }

    private record DistributorFacts(boolean active, boolean cash) {
    }

    private Optional<DistributorFacts> facts(long customerId) {
        return choices.of(customerId).map(c -> new DistributorFacts(c.active(), c.rewardForm() != RewardForm.STORE_CREDIT));
    }

    private static WithdrawalView view(Withdrawal w) {
        return new WithdrawalView(w.getId(), w.amountMoney(), w.feeMoney(), w.netMoney(), w.getMethod(),
                w.getAccountDetails(), w.getState(), w.getPaymentRef(), w.getRejectReason(), w.getRequestedAt(),
                w.getDecidedAt());
    }
}

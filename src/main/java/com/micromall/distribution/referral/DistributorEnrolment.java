package com.micromall.distribution.referral;

import com.micromall.distribution.DistributorApproved;
import com.micromall.distribution.DistributorEnrolled;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings.EnrolmentRule;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.NotFoundException;
import java.time.Clock;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is a distributor, per the owner's enrolment rule: everyone (on registration, or lazily the
 * first time an existing customer needs a code), after a first completed purchase, or on the
 * owner's approval of an application. The owner may suspend and reactivate; every owner step is audited.
 */
@Service
@RequiredArgsConstructor
public class DistributorEnrolment {

    /** What a customer's application led to. */
    public enum ApplyOutcome { ACTIVE, PENDING, SUSPENDED, NOT_YET_ELIGIBLE }

    /** A distributor as the web layer sees it. */
    public record DistributorView(long customerId, String code, DistributorStatus status) {
    }

    private static final int CODE_ATTEMPTS = 20;

    private final DistributorRepository distributors;
    private final DistributionSettingsService settings;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    private Supplier<String> codeSource = ReferralCodes::next;

    /** Tests force collisions through this (a method, so it reaches the bean behind the transaction proxy). */
    void useCodeSource(Supplier<String> source) {
        this.codeSource = source;
    }

    @Transactional(readOnly = true)
    public Optional<DistributorView> find(long customerId) {
        return distributors.findById(customerId).map(DistributorEnrolment::view);
    }

    /** The customer id of the ACTIVE distributor whose (normalized) code this is. */
    @Transactional(readOnly = true)
    public Optional<Long> activeByCode(String code) {
        return distributors.findByCode(code).filter(Distributor::isActive).map(Distributor::getCustomerId);
    }

    /** Under EVERYONE a new customer is a distributor at once. */
    @Transactional
    public void customerRegistered(long customerId) {
        if (settings.current().enrolmentRule() == EnrolmentRule.EVERYONE && !distributors.existsById(customerId)) {
            enrol(Distributor.active(customerId, uniqueCode(), clock.instant()));
        }
    }

    /** Under FIRST_PURCHASE a buyer becomes a distributor when their first order is completed. */
    @Transactional
    public void orderCompleted(long customerId) {
        if (settings.current().enrolmentRule() == EnrolmentRule.FIRST_PURCHASE && !distributors.existsById(customerId)) {
            enrol(Distributor.active(customerId, uniqueCode(), clock.instant()));
        }
    }

    /**
     * The customer's share code, enrolling them first when the rule is EVERYONE (customers who
     * registered before the rule); empty when they are not (yet) a distributor.
     */
    @Transactional
    public Optional<DistributorView> codeFor(long customerId) {
        Optional<Distributor> existing = distributors.findById(customerId);
        if (existing.isPresent()) {
            return existing.map(DistributorEnrolment::view);
        }
        if (settings.current().enrolmentRule() != EnrolmentRule.EVERYONE) {
            return Optional.empty();
        }
        // Two mails of one customer may be built at once: the first insert wins and both read its code, so no mail
        // ever carries a code that was rolled back.
        String code = uniqueCode();
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, :status, :at)
                ON CONFLICT DO NOTHING""")
                .param("c", customerId).param("code", code).param("status", DistributorStatus.ACTIVE.name())
                .param("at", Timestamp.from(now)).update();
        if (inserted == 1) {
            events.publishEvent(new DistributorEnrolled(customerId, code, now));
            events.publishEvent(new DistributorStatusChanged(customerId, DistributorStatus.ACTIVE, now));
        }
        return distributors.findById(customerId).map(DistributorEnrolment::view);
    }

    /** Makes the customer an ACTIVE distributor whatever the rule (demo data only). */
    @Transactional
    public DistributorView enrolActive(long customerId) {
        return view(distributors.findById(customerId)
                .orElseGet(() -> enrol(Distributor.active(customerId, uniqueCode(), clock.instant()))));
    }

    /** A customer asks to become a distributor: pending under APPROVAL, at once under EVERYONE. */
    @Transactional
    public ApplyOutcome apply(long customerId) {
        Optional<Distributor> existing = distributors.findById(customerId);
        if (existing.isPresent()) {
            return switch (existing.get().getStatus()) {
                case PENDING -> ApplyOutcome.PENDING;
                case ACTIVE -> ApplyOutcome.ACTIVE;
                case SUSPENDED -> ApplyOutcome.SUSPENDED;
            };
        }
        return switch (settings.current().enrolmentRule()) {
            case EVERYONE -> {
                enrol(Distributor.active(customerId, uniqueCode(), clock.instant()));
                yield ApplyOutcome.ACTIVE;
            }
            case APPROVAL -> {
                enrol(Distributor.pending(customerId, uniqueCode(), clock.instant()));
                yield ApplyOutcome.PENDING;
            }
            case FIRST_PURCHASE -> ApplyOutcome.NOT_YET_ELIGIBLE;
        };
    }

    @Transactional
    public void approve(long customerId, String actor) {
        change(customerId, actor, "approve", Distributor::approve);
        distributors.findById(customerId).ifPresent(approved -> events.publishEvent(
                new DistributorApproved(approved.getCustomerId(), approved.getCode(), clock.instant())));
    }

    @Transactional
    public void suspend(long customerId, String actor) {
        change(customerId, actor, "suspend", Distributor::suspend);
    }

    @Transactional
    public void reactivate(long customerId, String actor) {
        change(customerId, actor, "reactivate", Distributor::reactivate);
    }

    private void change(long customerId, String actor, String step, Consumer<Distributor> transition) {
        Distributor distributor = distributors.findById(customerId)
                .orElseThrow(() -> new NotFoundException("distributor " + customerId));
        DistributorStatus before = distributor.getStatus();
        transition.accept(distributor);
        auditLog.record(actor, "distribution.distributor." + step, "customer " + customerId,
                before.name(), distributor.getStatus().name());
        events.publishEvent(new DistributorStatusChanged(customerId, distributor.getStatus(), clock.instant()));
    }

    private String uniqueCode() {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String code = codeSource.get();
            if (!distributors.existsByCode(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No free referral code after " + CODE_ATTEMPTS + " attempts");
    }

    private static DistributorView view(Distributor distributor) {
        return new DistributorView(distributor.getCustomerId(), distributor.getCode(), distributor.getStatus());
    }

    private Distributor enrol(Distributor distributor) {
        Distributor saved = distributors.save(distributor);
        events.publishEvent(new DistributorEnrolled(saved.getCustomerId(), saved.getCode(), clock.instant()));
        events.publishEvent(new DistributorStatusChanged(saved.getCustomerId(), saved.getStatus(), clock.instant()));
        return saved;
    }

    /** The share path of a code: what {@code ReferralLinkController} answers. */
    public static String sharePath(String code) {
        return "/r/" + code;
    }
}

package com.micromall.loyalty.vouchers;

import com.micromall.care.CustomerTags;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerRegistered;
import com.micromall.customer.CustomerSearch;
import com.micromall.customer.Role;
import com.micromall.distribution.CustomerSharing;
import com.micromall.loyalty.levels.MemberLevel;
import com.micromall.loyalty.levels.MemberLevels;
import com.micromall.order.CustomerOrder;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderHistory;
import com.micromall.settings.AuditLog;
import com.micromall.settings.ShopSettingsService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's templates and every way a voucher reaches a customer: the owner's issue to chosen customers, by last
 * order date, by tag or by member level, a new account, and a referred friend's first completed order (for their inviter). Issues of one
 * template run one after the other under its row lock, so the per-customer limit holds however many run at once.
 */
@Service
@RequiredArgsConstructor
public class VoucherIssuing {

    static final String FOR_REGISTRATION = "registration";
    static final String FOR_REFERRAL = "referral:";
    /** The owner's issue form, by its token: the same form sent twice gives nobody a second voucher. */
    static final String FOR_FORM = "f:";

    /** How many addresses one issue by e-mail takes at most. */
    public static final int MAX_EMAILS = 200;

    private final VoucherBook book;
    private final CustomerApi customers;
    private final CustomerSharing sharing;
    private final OrderHistory orders;
    private final ShopSettingsService settings;
    private final AuditLog auditLog;
    private final Clock clock;
    private final CustomerTags tags;
    private final MemberLevels levels;

    /**
     * What an issue did: vouchers given, customers passed over (limit reached), customers this very form (or event)
     * already gave one to, and addresses nobody has; nothing when the template has ended or is switched off.
     */
    public record IssueResult(int issued, int atLimit, int alreadyGiven, List<String> unknownEmails,
                              boolean templateEnded, boolean switchedOff) {
    }

    /** Whom the owner gives a template to, besides e-mail addresses and last order dates. */
    public sealed interface Group {
    }

    /** The customers carrying a tag on their file. */
    public record Tagged(String tag) implements Group {
    }

    /** The customers on a member level. */
    public record OnLevel(long levelId) implements Group {
    }

    public record TemplateWithFigures(VoucherTemplate template, TemplateFigures figures) {
    }

    @Transactional
    public long create(NewVoucherTemplate template) {
        return book.insert(template, clock.instant());
    }

    /** The customer's vouchers, soonest to end first (valid, used and expired alike). */
    @Transactional(readOnly = true)
    public List<CustomerVoucher> vouchersOf(long customerId) {
        return book.vouchersOf(customerId);
    }

    @Transactional(readOnly = true)
    public List<TemplateWithFigures> templates() {
        Map<Long, TemplateFigures> figures = book.figures(settings.current().currency(), clock.instant());
        TemplateFigures none = new TemplateFigures(0, 0, 0, com.micromall.shared.Money.zero(settings.current().currency()));
        return book.templates().stream()
                .map(t -> new TemplateWithFigures(t, figures.getOrDefault(t.id(), none))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TemplateWithFigures> template(long id) {
        return templates().stream().filter(t -> t.template().id() == id).findFirst();
    }

    /**
     * Issues one voucher to each customer with this e-mail address (upper/lower case alike). The form's token makes
     * the same form sent twice (a double click) give nothing more; two forms (two tabs) each give theirs.
     */
    @Transactional
    public IssueResult issueByEmail(long templateId, Collection<String> emails, String formToken) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (String email : emails) {
            Optional<Long> id = customers.search(new CustomerSearch(email, null, Set.of(), 0, 5)).rows().stream()
                    .filter(row -> row.email().equalsIgnoreCase(email)).map(CustomerSearch.Row::id).findFirst();
            id.ifPresentOrElse(ids::add, () -> unknown.add(email));
        }
        IssueResult result = issue(templateId, ids, FOR_FORM + formToken);
        return new IssueResult(result.issued(), result.atLimit(), result.alreadyGiven(), unknown, result.templateEnded(),
                result.switchedOff());
    }

    /**
     * Issues one voucher to each customer whose last order (not cancelled) was placed at or after {@code since}
     * ({@code orderedSince}), or to each customer with no such order since then (to win them back).
     */
    @Transactional
    public IssueResult issueByLastOrder(long templateId, Instant since, boolean orderedSince, String formToken) {
        Set<Long> recent = orders.customersWithOrdersSince(since);
        Set<Long> ids = orderedSince ? recent
                : customers.withRoles(List.of(Role.CUSTOMER)).stream().map(p -> p.id())
                        .filter(id -> !recent.contains(id)).collect(Collectors.toCollection(LinkedHashSet::new));
        return issue(templateId, ids, FOR_FORM + formToken);
    }

    /** Issues one voucher to each customer of the group, once per form like {@link #issueByEmail}. */
    @Transactional
    public IssueResult issueTo(long templateId, Group group, String formToken) {
        Set<Long> ids = group instanceof Tagged tagged ? tags.customersTagged(tagged.tag())
                : levels.membersOf(((OnLevel) group).levelId());
        return issue(templateId, ids, FOR_FORM + formToken);
    }

    /** The tags and levels the owner may give a template to. */
    @Transactional(readOnly = true)
    public List<String> tags() {
        return tags.allTags();
    }

    @Transactional(readOnly = true)
    public List<MemberLevel> levels() {
        return levels.all();
    }

    /** Issues the template to the customers, each up to its per-customer limit; an event's issue only once. */
    @Transactional
    public IssueResult issue(long templateId, Collection<Long> customerIds, @Nullable String issuedFor) {
        VoucherTemplate template = book.lockTemplate(templateId)
                .orElseThrow(() -> new IllegalArgumentException("no voucher template " + templateId));
        if (!template.active()) {
            return new IssueResult(0, 0, 0, List.of(), false, true);
        }
        Instant now = clock.instant();
        VoucherTemplate.Validity validity = template.validityFrom(now);
        if (validity.ended(now)) {
            return new IssueResult(0, 0, 0, List.of(), true, false);
        }
        Map<Long, Long> held = book.heldCounts(templateId, customerIds);
        int issued = 0;
        int atLimit = 0;
        int alreadyGiven = 0;
        for (long customer : customerIds) {
            if (issuedFor != null && book.issuedFor(templateId, customer, issuedFor)) {
                alreadyGiven++;
            } else if (held.getOrDefault(customer, 0L) >= template.perCustomerLimit()) {
                atLimit++;
            } else {
                book.issue(templateId, customer, now, validity, issuedFor);
                issued++;
            }
        }
        return new IssueResult(issued, atLimit, alreadyGiven, List.of(), false, false);
    }

    /**
     * Switches a template on or off for every way of issuing it, under its row lock so no issue of it runs half
     * before and half after. Audited; switching to the state it already has (a form sent twice) does nothing.
     *
     * @return false when the template already was so
     */
    @Transactional
    public boolean switchTemplate(long templateId, boolean active, String actor) {
        VoucherTemplate template = book.lockTemplate(templateId)
                .orElseThrow(() -> new IllegalArgumentException("no voucher template " + templateId));
        if (!book.setActive(templateId, active)) {
            return false;
        }
        auditLog.record(actor, "loyalty.voucher.template.active", "voucher template " + templateId + " " + template.name(),
                Boolean.toString(template.active()), Boolean.toString(active));
        return true;
    }

    @ApplicationModuleListener
    void onRegistration(CustomerRegistered event) {
        for (VoucherTemplate template : book.activeTemplatesWhere("on_registration")) {
            issue(template.id(), List.of(event.customerId()), FOR_REGISTRATION);
        }
    }

    /**
     * A referred friend's first completed order rewards their inviter. Distribution announces no "friend's first
     * order" event, so this asks who invited the buyer and whether they completed an order before.
     */
    @ApplicationModuleListener
    void onOrderCompleted(OrderCompleted event) {
        List<VoucherTemplate> rewards = book.activeTemplatesWhere("referral_reward");
        if (rewards.isEmpty()) {
            return;
        }
        Optional<Long> inviter = sharing.inviterOf(event.customerId());
        if (inviter.isEmpty()) {
            return;
        }
        boolean completedBefore = orders.ordersOf(event.customerId()).stream()
                .filter(order -> !order.number().equals(event.orderNumber()))
                .map(CustomerOrder::status).anyMatch(status -> status.toUpperCase(Locale.ROOT).equals("COMPLETED")
                        || status.toUpperCase(Locale.ROOT).equals("REFUNDED"));
        if (completedBefore) {
            return;
        }
        for (VoucherTemplate template : rewards) {
            issue(template.id(), List.of(inviter.get()), FOR_REFERRAL + event.customerId());
        }
    }
}

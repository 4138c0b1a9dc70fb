package com.micromall.care.staff;

import com.micromall.shared.Money;
import com.micromall.shared.PersonalCodes;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom a customer and an order are attributed to. First touch: the first staff code that reaches a customer (a
 * {@code /s/} link they followed, or an order placed with a code) makes that member their staff contact for good; a
 * later code changes nothing. An order carries the code it was placed with, else its buyer's staff contact. A member's
 * own code names nobody for their own account: staff earn on the customers they serve, not on their own shopping.
 */
@Service
@RequiredArgsConstructor
public class StaffAttribution {

    public enum Source { LINK, ORDER }

    /** A staff member a typed code names; a deactivated member's code names nobody. */
    record CodeOwner(long staffId, long customerId, String code) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional(readOnly = true)
    public boolean isKnown(@Nullable String typedCode) {
        return owner(typedCode).isPresent();
    }

    /** @return whether this call made the member the customer's staff contact (false when they had one, or the code is unknown) */
    @Transactional
    public boolean attributeCustomer(long customerId, @Nullable String typedCode, Source source) {
        return owner(typedCode, customerId).map(owner -> attribute(customerId, owner, source)).orElse(false);
    }

    /** A customer's staff contact as their file shows them. */
    public record Contact(String name, String code, boolean active) {
    }

    /** The customer's staff contact (first touch), if they have one; a deactivated member stays their contact. */
    @Transactional(readOnly = true)
    public Optional<Contact> contactOf(long customerId) {
        return jdbc.sql("""
                SELECT s.name, s.code, s.deactivated_at FROM care_staff_customer c JOIN care_staff s ON s.id = c.staff_id
                WHERE c.customer_id = :customer""").param("customer", customerId)
                .query((rs, row) -> new Contact(rs.getString("name"), rs.getString("code"),
                        rs.getTimestamp("deactivated_at") == null)).optional();
    }

    /** Customers whose staff contact is this member. */
    @Transactional(readOnly = true)
    public Set<Long> customersOf(long staffId) {
        return new HashSet<>(jdbc.sql("SELECT customer_id FROM care_staff_customer WHERE staff_id = :staff")
                .param("staff", staffId).query(Long.class).list());
    }

    /** The code of the customer's staff contact, if they have one. */
    @Transactional(readOnly = true)
    public Optional<String> contactCodeOf(long customerId) {
        return jdbc.sql("""
                SELECT s.code FROM care_staff_customer c JOIN care_staff s ON s.id = c.staff_id
                WHERE c.customer_id = :customer""").param("customer", customerId).query(String.class).optional();
    }

    /**
     * Inside the order's own transaction. A typed code that names nobody (the member was deactivated since the
     * page checked it) counts as no code.
     */
    @Transactional
    void orderPlaced(long orderId, String orderNumber, long customerId, Money total, @Nullable String typedCode) {
        Optional<CodeOwner> typed = owner(typedCode, customerId);
        typed.ifPresent(owner -> attribute(customerId, owner, Source.ORDER));
        Optional<CodeOwner> carried = typed.or(() -> jdbc.sql("""
                SELECT s.id, s.customer_id, s.code FROM care_staff_customer c JOIN care_staff s ON s.id = c.staff_id
                WHERE c.customer_id = :customer""").param("customer", customerId)
                .query((rs, row) -> new CodeOwner(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("code")))
                .optional());
        carried.ifPresent(owner -> jdbc.sql("""
                INSERT INTO care_staff_order (order_id, order_number, customer_id, staff_id, code, currency, total, placed_at)
                VALUES (:order, :number, :customer, :staff, :code, :currency, :total, :at)""")
                .param("order", orderId).param("number", orderNumber).param("customer", customerId)
                .param("staff", owner.staffId()).param("code", owner.code())
                .param("currency", total.currency().getCurrencyCode()).param("total", total.amount())
                .param("at", Timestamp.from(clock.instant())).update());
    }

    @Transactional(readOnly = true)
    public Optional<String> codeOfOrder(String orderNumber) {
        return jdbc.sql("SELECT code FROM care_staff_order WHERE order_number = :number").param("number", orderNumber)
                .query(String.class).optional();
    }

    private boolean attribute(long customerId, CodeOwner owner, Source source) {
        // The primary key keeps the first contact; a second attribution inserts nothing.
        return jdbc.sql("""
                INSERT INTO care_staff_customer (customer_id, staff_id, source, attributed_at)
                VALUES (:customer, :staff, :source, :at) ON CONFLICT DO NOTHING""")
                .param("customer", customerId).param("staff", owner.staffId()).param("source", source.name())
                .param("at", Timestamp.from(clock.instant())).update() == 1;
    }

    private Optional<CodeOwner> owner(@Nullable String typedCode, long customerId) {
        return owner(typedCode).filter(owner -> owner.customerId() != customerId);
    }

    private Optional<CodeOwner> owner(@Nullable String typedCode) {
        String code = PersonalCodes.normalize(typedCode);
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, customer_id, code FROM care_staff WHERE code = :code AND deactivated_at IS NULL")
                .param("code", code).query((rs, row) -> new CodeOwner(rs.getLong("id"), rs.getLong("customer_id"),
                        rs.getString("code"))).optional();
    }
}

package com.micromall.customer.internal;

import com.micromall.customer.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** A saved shipping address; the {@link AddressBook} keeps exactly one of a customer's addresses default. */
@Entity
@Table(name = "customer_address")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CustomerAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String phone;

    @Column(nullable = false)
    private String line1;

    private @Nullable String line2;

    @Column(nullable = false)
    private String city;

    @Column(name = "postal_code", nullable = false)
    private String postalCode;

    @Column(nullable = false)
    private String country;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Version
    private long version;

    CustomerAddress(long customerId, AddressDetails details, boolean isDefault) {
        this.customerId = customerId;
        this.isDefault = isDefault;
        change(details);
    }

    void change(AddressDetails details) {
        this.recipient = details.recipient().strip();
        this.phone = details.phone().strip();
        this.line1 = details.line1().strip();
        this.line2 = Customer.blankToNull(details.line2());
        this.city = details.city().strip();
        this.postalCode = details.postalCode().strip();
        this.country = details.country().strip();
    }

    /** The same address typed again: equal field by field, ignoring case and extra spaces. */
    boolean sameAs(AddressDetails details) {
        return same(recipient, details.recipient()) && same(phone, details.phone()) && same(line1, details.line1())
                && same(line2, details.line2()) && same(city, details.city())
                && same(postalCode, details.postalCode()) && same(country, details.country());
    }

    private static boolean same(@Nullable String saved, @Nullable String typed) {
        return Objects.equals(comparable(saved), comparable(typed));
    }

    private static @Nullable String comparable(@Nullable String text) {
        String value = Customer.blankToNull(text);
        return value == null ? null : value.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    void markUsed(Instant at) {
        this.lastUsedAt = at;
    }

    boolean belongsTo(long customerId) {
        return this.customerId == customerId;
    }

    void makeDefault() {
        this.isDefault = true;
    }

    void clearDefault() {
        this.isDefault = false;
    }

    Address toApi() {
        return new Address(id, recipient, phone, line1, line2, city, postalCode, country, isDefault, lastUsedAt);
    }
}

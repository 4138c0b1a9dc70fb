package com.micromall.customer.internal;

import com.micromall.customer.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "customer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String name;

    private @Nullable String phone;

    @Column(name = "wechat_id")
    private @Nullable String wechatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private String locale = "en";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "email_verified_at")
    private @Nullable Instant emailVerifiedAt;

    @Version
    private long version;

    Customer(String email, String passwordHash, String name, Role role, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.passwordHash = requireHash(passwordHash);
        this.name = requireName(name);
        this.role = role;
        this.createdAt = createdAt;
        if (role == Role.OWNER) {
            this.emailVerifiedAt = createdAt; // the owner's address comes from the shop's own configuration
        }
    }

    /** A shopper who signed up through the registration form, in the language they used. */
    static Customer register(String email, String passwordHash, String name, @Nullable String phone,
                             @Nullable String wechatId, Locale locale, Instant registeredAt) {
        Customer customer = new Customer(email, passwordHash, name, Role.CUSTOMER, registeredAt);
        customer.phone = blankToNull(phone);
        customer.wechatId = blankToNull(wechatId);
        customer.locale = locale.toLanguageTag();
        return customer;
    }

    /**
     * Someone the owner invited to work in the shop who has no account yet: it cannot sign in until the
     * invitation link sets its password.
     */
    static Customer invitedStaff(String email, String unusablePasswordHash, String name, Locale locale, Instant at) {
        Customer customer = new Customer(email, unusablePasswordHash, name, Role.STAFF, at);
        customer.locale = locale.toLanguageTag();
        return customer;
    }

    /** Accepting a staff invitation; the owner stays the owner. */
    void becomeStaff() {
        if (role == Role.CUSTOMER) {
            role = Role.STAFF;
        }
    }

    /** A deactivated staff member keeps their account as a customer. */
    void leaveStaff() {
        if (role == Role.STAFF) {
            role = Role.CUSTOMER;
        }
    }

    /** E-mail addresses are unique regardless of case, so they are stored lower-cased. */
    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The e-mail is the login and stays; name and contact details are the customer's to change. */
    void changeProfile(String name, @Nullable String phone, @Nullable String wechatId) {
        this.name = requireName(name);
        this.phone = blankToNull(phone);
        this.wechatId = blankToNull(wechatId);
    }

    /** The caller has checked the current password; only a hash ever reaches the entity. */
    void changePassword(String newPasswordHash) {
        this.passwordHash = requireHash(newPasswordHash);
    }

    boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    /** @return whether this call verified the address (false when it already was) */
    boolean verifyEmail(Instant at) {
        if (emailVerifiedAt != null) {
            return false;
        }
        emailVerifiedAt = at;
        return true;
    }

    void changeLocale(Locale locale) {
        this.locale = locale.toLanguageTag();
    }

    private static String requireName(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("A customer needs a name");
        }
        return name.strip();
    }

    private static String requireHash(String hash) {
        if (!hash.startsWith("{")) {
            throw new IllegalArgumentException("Expected a delegating-encoder hash, never a raw password");
        }
        return hash;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.micromall.groupbuy;

import com.micromall.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** The owner's "buy together" terms for one product. */
@Entity
@Table(name = "groupbuy_offer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class GroupOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long productId;
    private boolean enabled;
    private int groupSize;
    private @Nullable BigDecimal groupPrice;
    private @Nullable String currency;
    private int timeLimitHours;
    @Enumerated(EnumType.STRING)
    private OnExpiry onExpiry = OnExpiry.REFUND;
    private @Nullable Instant updatedAt;

    GroupOffer(long productId) {
        this.productId = productId;
    }

    /** Sets the terms; true when anything changed (the same form sent twice changes nothing). */
    boolean change(GroupOfferTerms terms, Instant now) {
        if (terms.equals(terms())) {
            return false;
        }
        enabled = terms.enabled();
        groupSize = terms.groupSize();
        groupPrice = terms.groupPrice().amount();
        currency = terms.groupPrice().currency().getCurrencyCode();
        timeLimitHours = terms.timeLimitHours();
        onExpiry = terms.onExpiry();
        updatedAt = now;
        return true;
    }

    @Nullable GroupOfferTerms terms() {
        return groupPrice == null ? null : new GroupOfferTerms(productId, enabled, groupSize, price(), timeLimitHours, onExpiry);
    }

    Money price() {
        return Money.of(java.util.Objects.requireNonNull(groupPrice), Currency.getInstance(java.util.Objects.requireNonNull(currency)));
    }
}

package com.micromall.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * A product on the shelf. Never deleted once created (orders point at it); the owner archives it
 * instead, which takes it off sale. Stock is moved by {@link JdbcProductApi} with conditional
 * SQL updates; the owner's edit sets it directly.
 */
@Entity
@Table(name = "product")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private @Nullable Category category;

    @Column(nullable = false)
    private String name;

    private @Nullable String description;

    @Column(nullable = false)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "commission_percent")
    private @Nullable BigDecimal commissionPercent;

    @Column(name = "commission_fixed_amount")
    private @Nullable BigDecimal commissionFixedAmount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    Product(ProductDraft draft, @Nullable Category category, Instant createdAt) {
        this.createdAt = createdAt;
        apply(draft, category);
    }

    void update(ProductDraft draft, @Nullable Category category) {
        apply(draft, category);
    }

    void archive() {
        if (archived) {
            throw new IllegalStateException("product " + id + " is already archived");
        }
        archived = true;
    }

    void unarchive() {
        if (!archived) {
            throw new IllegalStateException("product " + id + " is not archived");
        }
        archived = false;
    }

    private void apply(ProductDraft draft, @Nullable Category category) {
        if (draft.name().isBlank()) {
            throw new IllegalArgumentException("a product needs a name");
        }
        if (draft.price().signum() < 0 || draft.stock() < 0) {
            throw new IllegalArgumentException("price and stock cannot be negative");
        }
        // The override is either a percentage or a fixed amount: both would leave the commission ambiguous.
        if (draft.commissionPercent() != null && draft.commissionFixedAmount() != null) {
            throw new IllegalArgumentException("commission override is a percent or a fixed amount, not both");
        }
        BigDecimal percent = draft.commissionPercent();
        if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("commission percent must be within 0..100");
        }
        BigDecimal fixed = draft.commissionFixedAmount();
        if (fixed != null && fixed.signum() < 0) {
            throw new IllegalArgumentException("commission amount cannot be negative");
        }
        this.name = draft.name().strip();
        this.description = draft.description();
        this.category = category;
        this.price = draft.price();
        this.stock = draft.stock();
        this.commissionPercent = percent;
        this.commissionFixedAmount = fixed;
    }
}

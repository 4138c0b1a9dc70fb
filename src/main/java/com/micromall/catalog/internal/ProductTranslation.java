package com.micromall.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** A product's name and description in one of the shop's other languages; either may be missing (main text shown). */
@Entity
@Table(name = "product_translation")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ProductTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false)
    private String language;

    private @Nullable String name;

    private @Nullable String description;

    ProductTranslation(long productId, CatalogLanguage language, ProductText text) {
        this.productId = productId;
        this.language = language.code();
        change(text);
    }

    void change(ProductText text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty translation is removed, not stored");
        }
        this.name = text.name();
        this.description = text.description();
    }

    ProductText text() {
        return new ProductText(name, description);
    }
}

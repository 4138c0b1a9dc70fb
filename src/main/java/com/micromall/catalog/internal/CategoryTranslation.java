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

/** A category's name in one of the shop's other languages. */
@Entity
@Table(name = "category_translation")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CategoryTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_id", nullable = false)
    private long categoryId;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String name;

    CategoryTranslation(long categoryId, CatalogLanguage language, String name) {
        this.categoryId = categoryId;
        this.language = language.code();
        rename(name);
    }

    void rename(String name) {
        if (name.isBlank() || name.strip().length() > Category.MAX_NAME) {
            throw new IllegalArgumentException("category name must have 1.." + Category.MAX_NAME + " characters");
        }
        this.name = name.strip();
    }
}

package com.micromall.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

@Entity
@Table(name = "category")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Category {

    static final int MAX_NAME = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String slug;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    Category(String name, String slug, int sortOrder) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("category name must have 1.." + MAX_NAME + " characters");
        }
        this.name = name.strip();
        this.slug = slug;
        this.sortOrder = sortOrder;
    }

    /**
     * A URL-friendly form of the name ("Home & smart locks" → "home-smart-locks"). Names without
     * Latin letters (e.g. Chinese) give an empty base; the caller then falls back to "category".
     */
    static String slugBase(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "category" : slug;
    }
}

package com.micromall.catalog.internal;

import org.jspecify.annotations.Nullable;

public record CategoryView(long id, String name, String slug) {

    static CategoryView of(Category category) {
        return new CategoryView(category.getId(), category.getName(), category.getSlug());
    }

    /** The category named in a language: the translation, or the main name when there is none. */
    static CategoryView of(Category category, @Nullable String translatedName) {
        return new CategoryView(category.getId(), translatedName != null ? translatedName : category.getName(),
                category.getSlug());
    }
}

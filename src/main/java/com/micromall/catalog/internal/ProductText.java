package com.micromall.catalog.internal;

import org.jspecify.annotations.Nullable;

/** A product's name and description in one language, as the owner typed them (blank = not given). */
public record ProductText(@Nullable String name, @Nullable String description) {

    public static final ProductText NONE = new ProductText(null, null);

    public ProductText {
        name = name == null || name.isBlank() ? null : name.strip();
        description = description == null || description.isBlank() ? null : description.strip();
    }

    public boolean isEmpty() {
        return name == null && description == null;
    }
}

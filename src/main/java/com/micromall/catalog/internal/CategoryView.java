package com.micromall.catalog.internal;

public record CategoryView(long id, String name, String slug) {

    static CategoryView of(Category category) {
        return new CategoryView(category.getId(), category.getName(), category.getSlug());
    }
}

package com.micromall.catalog.internal;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The categories named in each language. Cached: the home page and every product list show them (and find the
 * selected one among them), which saves one or two queries per page view; the owner's category edits evict it.
 */
@Component
@RequiredArgsConstructor
class CategoryList {

    static final String CACHE = "categories";

    private final CategoryRepository categories;

    /** In the shop's order, each named in this language where translated (the main name otherwise). */
    @Cacheable(CACHE)
    @Transactional(readOnly = true)
    public List<CategoryView> namedIn(String languageCode) {
        return categories.findAllNamedIn(languageCode).stream()
                .map(row -> CategoryView.of((Category) row[0], (String) row[1])).toList();
    }
}

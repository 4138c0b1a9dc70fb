package com.micromall.shared.web;

import java.util.function.Supplier;
import org.thymeleaf.context.LazyContextVariable;

/**
 * A value the layout shows on every page (the shop's name, the cart count, an invitation), put in every request's
 * model but looked up only when a page is rendered and uses it: a form post that redirects, most of them, never
 * reads it. Thymeleaf resolves it at its first use in the template, once per page.
 */
public final class LayoutValue<T> extends LazyContextVariable<T> {

    private final Supplier<T> loader;

    private LayoutValue(Supplier<T> loader) {
        this.loader = loader;
    }

    public static <T> LayoutValue<T> of(Supplier<T> loader) {
        return new LayoutValue<>(loader);
    }

    @Override
    protected T loadValue() {
        return loader.get();
    }
}

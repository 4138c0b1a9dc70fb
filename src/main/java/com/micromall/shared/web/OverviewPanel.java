package com.micromall.shared.web;

import java.util.Map;

/**
 * A block another module adds to the owner's overview (/admin) without the page's module knowing
 * it: the overview renders {@code ~{template :: fragment}} with the figures of {@link #model()}
 * available as {@code panel}. Implement it as a bean; the overview collects all of them in order.
 */
public interface OverviewPanel {

    /** The Thymeleaf template holding the fragment, e.g. "distribution/admin-overview". */
    String template();

    /** The fragment's name inside {@link #template()}. */
    String fragment();

    /** The figures the fragment shows, computed for this request. */
    Map<String, Object> model();
}

package com.micromall.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The number on the header's cart badge, which differs from customer to customer on a page that is otherwise the
 * same for all of them: a kept page ({@link KeptPages}) gets each signed-in customer's number put in after
 * {@link #MARK}. Implemented where the cart lives.
 */
public interface CartBadge {

    /** Written by the layout right before the badge's number. */
    String MARK = "<!--cart-count-->";

    /** The badge's text for whoever makes the request, as the layout writes it: the item count, "" for none. */
    String text(HttpServletRequest request, HttpServletResponse response);
}

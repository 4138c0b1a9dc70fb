package com.micromall.order.web;

import com.micromall.order.internal.CartService;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header shows how many items are in the cart on every page. */
@ControllerAdvice
@RequiredArgsConstructor
class CartModelAdvice {

    private final CartService carts;
    private final CurrentCart currentCart;

    /**
     * The key is found now: the first request after logging in moves a visitor's cart into the customer's and
     * expires its cookie, which must happen before anything is written. The count is read if a page is rendered.
     */
    @ModelAttribute("cartCount")
    LayoutValue<Integer> cartCount(HttpServletRequest request, HttpServletResponse response) {
        CartService.CartKey key = currentCart.key(request, response);
        return LayoutValue.of(() -> carts.count(key));
    }
}

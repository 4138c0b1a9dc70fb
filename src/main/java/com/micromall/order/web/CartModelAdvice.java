package com.micromall.order.web;

import com.micromall.order.internal.CartService;
import com.micromall.shared.web.CartBadge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header shows how many items are in the cart on every page, rendered or kept. */
@ControllerAdvice
@RequiredArgsConstructor
class CartModelAdvice implements CartBadge {

    private final CartService carts;
    private final CurrentCart currentCart;

    @ModelAttribute("cartCount")
    int cartCount(HttpServletRequest request, HttpServletResponse response) {
        return carts.count(currentCart.key(request, response));
    }

    @Override
    public String text(HttpServletRequest request, HttpServletResponse response) {
        int count = cartCount(request, response);
        return count > 0 ? Integer.toString(count) : "";
    }
}

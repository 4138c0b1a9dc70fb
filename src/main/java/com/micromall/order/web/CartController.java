package com.micromall.order.web;

import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CartService.CartView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/cart")
@RequiredArgsConstructor
class CartController {

    private final CartService carts;
    private final CurrentCart currentCart;

    @GetMapping
    String cart(HttpServletRequest request, HttpServletResponse response, Model model) {
        CartView cart = carts.view(currentCart.key(request, response));
        model.addAttribute("cart", cart);
        if (!cart.removedNames().isEmpty() && !model.containsAttribute("flashError")) {
            model.addAttribute("flashError", "order.cart.removedArchived");
            model.addAttribute("flashArgs", new Object[] {String.join(", ", cart.removedNames())});
        }
        model.addAttribute("cartCount", cart.itemCount());
        return "order/cart";
    }

    /** Adds and goes back where the shopper came from: the product page, or the cart. */
    @PostMapping("/add")
    String add(@RequestParam(required = false) Long productId, @RequestParam(defaultValue = "1") String quantity,
               @RequestParam(required = false) String returnTo, HttpServletRequest request,
               HttpServletResponse response, RedirectAttributes flash) {
        int units = parseQuantity(quantity, 1);
        if (productId == null || units <= 0) {
            flash.addFlashAttribute("flashError", "order.cart.invalidQuantity");
            return "redirect:/cart";
        }
        var result = carts.add(currentCart.keyForWriting(request, response), productId, units);
        switch (result) {
            case ADDED -> flash.addFlashAttribute("flashSuccess", "order.cart.added");
            case CAPPED_AT_STOCK -> flash.addFlashAttribute("flashError", "order.cart.cappedAtStock");
            case CAPPED_AT_MAXIMUM -> {
                flash.addFlashAttribute("flashError", "order.cart.maxQuantity");
                flash.addFlashAttribute("flashArgs", new Object[] {CartService.MAX_QUANTITY});
            }
            case SOLD_OUT -> flash.addFlashAttribute("flashError", "order.cart.soldOutAdd");
            case UNKNOWN_PRODUCT -> flash.addFlashAttribute("flashError", "order.cart.unknownProduct");
        }
        return "redirect:" + ("product".equals(returnTo) ? "/products/" + productId : "/cart");
    }

    @PostMapping("/update")
    String update(@RequestParam(required = false) Long productId, @RequestParam(defaultValue = "") String quantity,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        int units = parseQuantity(quantity, -1);
        if (productId == null || units < 0) {
            flash.addFlashAttribute("flashError", "order.cart.invalidQuantity");
            return "redirect:/cart";
        }
        carts.update(currentCart.key(request, response), productId, units);
        flash.addFlashAttribute("flashSuccess", "order.cart.updated");
        return "redirect:/cart";
    }

    @PostMapping("/remove")
    String remove(@RequestParam(required = false) Long productId, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes flash) {
        if (productId != null) {
            carts.remove(currentCart.key(request, response), productId);
            flash.addFlashAttribute("flashSuccess", "order.cart.removed");
        }
        return "redirect:/cart";
    }

    private static int parseQuantity(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

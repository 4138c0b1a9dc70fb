package com.micromall.order.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.internal.OrderService;
import com.micromall.order.internal.OrderStateException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A customer's own orders; another customer's order number answers 404. */
@Controller
@RequestMapping("/orders")
@RequiredArgsConstructor
class OrderController {

    private final OrderService orders;

    @GetMapping
    String list(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        model.addAttribute("orders", orders.ordersOf(principal.getCustomerId()));
        return "order/orders";
    }

    @GetMapping("/{number}")
    String show(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number, Model model) {
        model.addAttribute("order", orders.orderOf(principal.getCustomerId(), number));
        return "order/order";
    }

    @GetMapping("/{number}/confirmation")
    String confirmation(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number, Model model) {
        model.addAttribute("order", orders.orderOf(principal.getCustomerId(), number));
        return "order/confirmation";
    }

    @PostMapping("/{number}/cancel")
    String cancel(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number,
                  RedirectAttributes flash) {
        try {
            orders.cancelByCustomer(principal.getCustomerId(), number);
            flash.addFlashAttribute("flashSuccess", "order.flash.cancelled");
        } catch (OrderStateException e) {
            flash.addFlashAttribute("flashError", e.messageKey());
            flash.addFlashAttribute("flashArgs", e.args());
        }
        return "redirect:/orders/" + number;
    }
}

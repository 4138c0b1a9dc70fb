package com.micromall.order.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.ReceiptShare;
import com.micromall.order.StaffCodes;
import com.micromall.order.internal.OrderService;
import com.micromall.order.internal.OrderStateException;
import com.micromall.order.internal.OrderViews;
import com.micromall.settings.PaymentInstructionsService;
import java.util.List;
import java.util.Optional;
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
    private final PaymentInstructionsService paymentInstructions;
    private final List<StaffCodes> staffCodes;
    private final List<ReceiptShare> receiptShares;

    @GetMapping
    String list(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        model.addAttribute("orders", orders.ordersOf(principal.getCustomerId()));
        return "order/orders";
    }

    @GetMapping("/{number}")
    String show(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number, Model model) {
        return withPaymentInstructions(orders.orderOf(principal.getCustomerId(), number), model, "order/order");
    }

    @GetMapping("/{number}/confirmation")
    String confirmation(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number, Model model) {
        return withPaymentInstructions(orders.orderOf(principal.getCustomerId(), number), model, "order/confirmation");
    }

    /** A page to print and hand over with the goods: the staff code the order carries and the buyer's own share QR. */
    @GetMapping("/{number}/receipt")
    String receipt(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number, Model model) {
        var order = orders.orderOf(principal.getCustomerId(), number);
        model.addAttribute("order", order);
        model.addAttribute("staffCode", staffCodes.stream().map(codes -> codes.codeOf(number))
                .flatMap(Optional::stream).findFirst().orElse(null));
        model.addAttribute("sharePath", receiptShares.stream().map(share -> share.sharePathOf(order.customerId()))
                .flatMap(Optional::stream).findFirst().orElse(null));
        return "order/receipt";
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

    /**
     * The owner's instructions as they are now, and only while the order awaits payment: a paid,
     * shipped or cancelled order must not ask the buyer to pay.
     */
    private String withPaymentInstructions(OrderViews.Detail order, Model model, String view) {
        model.addAttribute("order", order);
        if ("PENDING_PAYMENT".equals(order.status())) {
            paymentInstructions.forMethod(order.paymentMethod().name())
                    .ifPresent(instructions -> model.addAttribute("paymentInstructions", instructions));
        }
        return view;
    }
}

package com.micromall.loyalty.points.web;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.points.PointsBook;
import com.micromall.loyalty.points.PointsGifts;
import com.micromall.order.CheckoutRefusedException;
import com.micromall.order.OneProductCheckout;
import com.micromall.order.PaymentMethod;
import com.micromall.order.web.AddressAndPaymentForm;
import com.micromall.shared.Money;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The gift form: where to send a gift taken for points and how its shipping is paid. A gift placed lands on its
 * order's confirmation, as a purchase does; the same form sent twice lands on the same one.
 */
@Controller
@RequiredArgsConstructor
class MyGiftsController {

    private final PointsGifts gifts;
    private final PointsBook book;
    private final CustomerApi customers;
    private final OneProductCheckout checkout;

    @GetMapping("/account/points/gifts/{productId:\\d{1,18}}")
    String form(@PathVariable long productId, @AuthenticationPrincipal CustomerPrincipal principal, Model model,
                RedirectAttributes redirect) {
        PointsGifts.Gift gift = gifts.offered(productId).orElse(null);
        if (gift == null) {
            redirect.addFlashAttribute("flashError", "loyalty.points.gift.notOffered");
            return "redirect:/account/points";
        }
        GiftForm form = new GiftForm();
        form.setPoints(gift.points());
        form.newToken();
        return page(form, gift, principal.getCustomerId(), model);
    }

    @PostMapping("/account/points/gifts/{productId:\\d{1,18}}")
    String redeem(@PathVariable long productId, @AuthenticationPrincipal CustomerPrincipal principal,
                  @ModelAttribute("giftForm") GiftForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        long customerId = principal.getCustomerId();
        // A double click after the first one placed the order: its confirmation, whatever the gift's state now.
        var already = checkout.orderForToken(customerId, form.getCheckoutToken());
        if (already.isPresent()) {
            return "redirect:/orders/" + already.get() + "/confirmation";
        }
        PointsGifts.Gift gift = gifts.offered(productId).orElse(null);
        if (gift == null) {
            redirect.addFlashAttribute("flashError", "loyalty.points.gift.notOffered");
            return "redirect:/account/points";
        }
        PointsGifts.Request request = validate(form, errors, customerId, productId);
        if (request == null) {
            return page(form, gift, customerId, model);
        }
        PointsGifts.Outcome outcome = gifts.redeem(request);
        if (outcome.orderNumber() != null) {
            redirect.addFlashAttribute("flashSuccess", "loyalty.points.gift.done");
            return "redirect:/orders/" + outcome.orderNumber() + "/confirmation";
        }
        errors.reject(java.util.Objects.requireNonNull(outcome.messageKey()), outcome.args().toArray(), null);
        form.newToken();
        return page(form, gift, customerId, model);
    }

    /** The request the form describes, or null with the errors noted next to the fields. */
    private PointsGifts.@Nullable Request validate(GiftForm form, BindingResult errors, long customerId, long productId) {
        AddressAndPaymentForm.Choice choice = form.check(errors, customerId, customers, checkout.paymentMethods());
        return choice == null ? null : new PointsGifts.Request(customerId, form.getCheckoutToken(), productId,
                form.getPoints(), choice.savedAddressId(), choice.typedAddress(), choice.paymentMethod());
    }

    private String page(GiftForm form, PointsGifts.Gift gift, long customerId, Model model) {
        List<Address> addresses = customers.addressesOf(customerId);
        List<PaymentMethod> methods = checkout.paymentMethods();
        form.preselect(addresses, methods);
        long available = book.availableOf(customerId);
        model.addAttribute("giftForm", form);
        model.addAttribute("gift", gift);
        model.addAttribute("available", available);
        model.addAttribute("addresses", addresses);
        model.addAttribute("paymentMethods", methods);
        Money shipping;
        try {
            shipping = checkout.quote(customerId, gift.product().id(), Map.of()).shippingFee();
        } catch (CheckoutRefusedException e) {
            shipping = Money.zero(gift.product().price().currency());
        }
        model.addAttribute("shipping", shipping);
        return "loyalty/gift-checkout";
    }
}

package com.micromall.order.web;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.order.StaffCodes;
import com.micromall.order.internal.CheckoutException;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.CheckoutService.AddressInput;
import com.micromall.order.internal.CheckoutService.PlaceOrder;
import com.micromall.order.internal.CheckoutService.Summary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Checkout for logged-in customers (visitors are sent to the login page and come back here). */
@Controller
@RequestMapping("/checkout")
@RequiredArgsConstructor
class CheckoutController {

    private final CheckoutService checkout;
    private final CustomerApi customers;
    private final List<StaffCodes> staffCodes;

    @GetMapping
    String checkout(@AuthenticationPrincipal CustomerPrincipal principal, Model model, RedirectAttributes flash) {
        Summary summary = checkout.summary(principal.getCustomerId());
        if (summary.cart().isEmpty() || summary.cart().hasProblems() || !summary.cart().removedNames().isEmpty()) {
            flash.addFlashAttribute("flashError", summary.cart().isEmpty() ? "order.checkout.emptyCart" : "order.checkout.fixCart");
            return "redirect:/cart";
        }
        CheckoutForm form = new CheckoutForm();
        form.newToken();
        List<Address> addresses = customers.addressesOf(principal.getCustomerId());
        // The address last shipped to, else the default (listed first).
        addresses.stream().filter(a -> a.lastUsedAt() != null).max(Comparator.comparing(Address::lastUsedAt))
                .or(() -> addresses.stream().findFirst())
                .ifPresent(address -> form.setAddressId(address.id()));
        return page(form, summary, addresses, model);
    }

    /** Shows the page again with the buyer's picks applied (a voucher chosen), placing nothing. */
    @PostMapping(params = "apply")
    String apply(@AuthenticationPrincipal CustomerPrincipal principal, @ModelAttribute("checkoutForm") CheckoutForm form,
                 Model model) {
        long customerId = principal.getCustomerId();
        form.setChoices(choices(form));
        return page(form, checkout.summary(customerId, form.getChoices()), customers.addressesOf(customerId), model);
    }

    @PostMapping
    String place(@AuthenticationPrincipal CustomerPrincipal principal, @ModelAttribute("checkoutForm") CheckoutForm form,
                 BindingResult errors, Model model, RedirectAttributes flash) {
        long customerId = principal.getCustomerId();
        form.setChoices(choices(form));
        AddressAndPaymentForm.Choice choice = form.check(errors, customerId, customers, checkout.paymentMethods());
        String staffCode = form.getStaffCode().isBlank() ? null : form.getStaffCode().strip();
        if (staffCode != null && staffCodes.stream().noneMatch(codes -> codes.isKnown(staffCode))) {
            errors.rejectValue("staffCode", "staff.checkout.unknownCode");
        }
        if (choice == null || errors.hasErrors()) {
            return page(form, checkout.summary(customerId, form.getChoices()), customers.addressesOf(customerId), model);
        }
        try {
            // A form sent again (back button, double click) gets the order its token already placed.
            String number = checkout.place(new PlaceOrder(customerId, form.getCheckoutToken(),
                    choice.savedAddressId(), AddressInput.of(choice.typedAddress()), choice.paymentMethod(),
                    form.isSaveAddress(), staffCode, form.getChoices()));
            return "redirect:/orders/" + number + "/confirmation";
        } catch (DiscountUnavailableException e) {
            // Nothing was placed; the page shows the discounts as they are now, with the reason.
            errors.reject(e.messageKey());
            return page(form, checkout.summary(customerId, form.getChoices()), customers.addressesOf(customerId), model);
        } catch (CheckoutException e) {
            flash.addFlashAttribute("flashError", e.messageKey());
            flash.addFlashAttribute("flashArgs", e.args());
            return "redirect:/cart";
        } catch (ConcurrencyFailureException e) {
            // Lost a race for the same stock (deadlock, lock timeout): everything was rolled back.
            flash.addFlashAttribute("flashError", "order.checkout.busy");
            return "redirect:/cart";
        } catch (DataIntegrityViolationException e) {
            // The same form was submitted twice at the same moment: the first submit placed the order.
            return checkout.orderNumberForToken(customerId, form.getCheckoutToken())
                    .map(number -> "redirect:/orders/" + number + "/confirmation")
                    .orElseThrow(() -> e);
        }
    }

    /** The picks as posted, without blanks; a form never carries more than a few, nor long ones. */
    private static Map<String, String> choices(CheckoutForm form) {
        Map<String, String> picked = new HashMap<>();
        form.getChoices().forEach((source, value) -> {
            if (value != null && !value.isBlank() && source.length() <= 40 && value.length() <= 40 && picked.size() < 10) {
                picked.put(source, value.strip());
            }
        });
        return picked;
    }

    private String page(CheckoutForm form, Summary summary, List<Address> addresses, Model model) {
        model.addAttribute("checkoutForm", form);
        model.addAttribute("summary", summary);
        // The header's count is the cart the page shows: no second query for it.
        model.addAttribute("cartCount", summary.cart().itemCount());
        model.addAttribute("addresses", addresses);
        model.addAttribute("paymentMethods", checkout.paymentMethods());
        model.addAttribute("staffCodesAccepted", !staffCodes.isEmpty());
        return "order/checkout";
    }
}

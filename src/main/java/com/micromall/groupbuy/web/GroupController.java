package com.micromall.groupbuy.web;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.NewAddress;
import com.micromall.groupbuy.GroupBuyException;
import com.micromall.groupbuy.GroupBuying;
import com.micromall.groupbuy.GroupOfferTerms;
import com.micromall.groupbuy.GroupView;
import com.micromall.order.CheckoutRefusedException;
import com.micromall.order.OneProductCheckout;
import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import com.micromall.shared.QrCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The group page (public, so a shared link works for anyone) and the group checkout for opening or joining (signed
 * in: a guest is sent to sign in and comes back here).
 */
@Controller
@RequiredArgsConstructor
class GroupController {

    private static final Map<String, Integer> MAX_LENGTHS = Map.of("recipient", 80, "phone", 30, "line1", 200,
            "line2", 200, "city", 80, "postalCode", 20, "country", 80);

    private final GroupBuying groupBuying;
    private final ProductApi products;
    private final CustomerApi customers;
    private final OneProductCheckout checkout;
    private final Clock clock;

    @GetMapping("/groups/{id}")
    String group(@PathVariable long id, @AuthenticationPrincipal @Nullable CustomerPrincipal principal, Model model) {
        GroupView group = groupBuying.group(id);
        ProductSummary product = products.find(group.productId()).orElseThrow(() -> new NotFoundException("No product"));
        // The address the visitor reached the shop by, as every other share link on a page (mails use the public one).
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/groups/{id}").buildAndExpand(id)
                .toUriString();
        Duration left = Duration.between(clock.instant(), group.expiresAt());
        model.addAttribute("group", group);
        model.addAttribute("product", product);
        model.addAttribute("member", principal != null && group.hasMember(principal.getCustomerId()));
        model.addAttribute("joinable", group.open() && !left.isNegative() && !left.isZero());
        model.addAttribute("hoursLeft", Math.max(0, left.toHours()));
        model.addAttribute("minutesLeft", Math.max(0, left.toMinutesPart()));
        model.addAttribute("shareLink", link);
        model.addAttribute("qr", QrCode.dataUri(link, 200));
        model.addAttribute("offer", groupBuying.offerOf(group.productId()).orElse(null));
        return "groupbuy/group";
    }

    @GetMapping("/groups/open")
    String openPage(@RequestParam("product") long productId, @AuthenticationPrincipal CustomerPrincipal principal,
                    Model model, RedirectAttributes flash) {
        GroupOfferTerms offer = groupBuying.offerOf(productId).orElse(null);
        if (offer == null) {
            flash.addFlashAttribute("flashError", "groupbuy.error.noOffer");
            return "redirect:/products/" + productId;
        }
        return page(newForm(), principal.getCustomerId(), offer, null, model);
    }

    @PostMapping("/groups/open")
    String open(@RequestParam("product") long productId, @AuthenticationPrincipal CustomerPrincipal principal,
                @ModelAttribute("groupForm") GroupCheckoutForm form, BindingResult errors, Model model,
                RedirectAttributes flash) {
        GroupOfferTerms offer = groupBuying.offerOf(productId).orElse(null);
        if (offer == null) {
            flash.addFlashAttribute("flashError", "groupbuy.error.noOffer");
            return "redirect:/products/" + productId;
        }
        long customerId = principal.getCustomerId();
        GroupBuying.Purchase purchase = validate(form, errors, customerId);
        if (purchase == null) {
            return page(form, customerId, offer, null, model);
        }
        try {
            long groupId = groupBuying.open(productId, purchase);
            flash.addFlashAttribute("flashSuccess", "groupbuy.opened");
            return "redirect:/groups/" + groupId;
        } catch (GroupBuyException e) {
            errors.reject(e.messageKey(), e.args(), null);
        } catch (CheckoutRefusedException e) {
            errors.reject(e.messageKey(), e.args(), null);
        } catch (ConcurrencyFailureException e) {
            errors.reject("order.checkout.busy");
        } catch (DataIntegrityViolationException e) {
            // The same form sent twice at the same moment: the first one opened the group.
            return groupBuying.groupOfToken(customerId, form.getCheckoutToken())
                    .map(id -> "redirect:/groups/" + id).orElseThrow(() -> e);
        }
        form.setCheckoutToken(UUID.randomUUID().toString());
        return page(form, customerId, offer, null, model);
    }

    @GetMapping("/groups/{id}/join")
    String joinPage(@PathVariable long id, @AuthenticationPrincipal CustomerPrincipal principal, Model model,
                    RedirectAttributes flash) {
        GroupView group = groupBuying.group(id);
        GroupOfferTerms offer = groupBuying.offerOf(group.productId()).orElse(null);
        if (group.hasMember(principal.getCustomerId())) {
            return "redirect:/groups/" + id;
        }
        if (!group.open() || group.placesLeft() == 0 || offer == null) {
            flash.addFlashAttribute("flashError", "groupbuy.error.closed");
            return "redirect:/groups/" + id;
        }
        return page(newForm(), principal.getCustomerId(), offer, group, model);
    }

    @PostMapping("/groups/{id}/join")
    String join(@PathVariable long id, @AuthenticationPrincipal CustomerPrincipal principal,
                @ModelAttribute("groupForm") GroupCheckoutForm form, BindingResult errors, Model model,
                RedirectAttributes flash) {
        GroupView group = groupBuying.group(id);
        long customerId = principal.getCustomerId();
        GroupOfferTerms offer = groupBuying.offerOf(group.productId()).orElse(null);
        GroupBuying.Purchase purchase = validate(form, errors, customerId);
        if (purchase == null && offer != null) {
            return page(form, customerId, offer, group, model);
        }
        try {
            if (purchase == null) {
                throw new GroupBuyException("groupbuy.error.closed");
            }
            groupBuying.join(id, purchase);
            flash.addFlashAttribute("flashSuccess", "groupbuy.joined");
        } catch (GroupBuyException e) {
            // Nothing was placed or charged; the group page offers to open a new group when this one is gone.
            flash.addFlashAttribute("flashError", e.messageKey());
            flash.addFlashAttribute("flashArgs", e.args());
            flash.addFlashAttribute("offerNewGroup", e.offerNewGroup());
        } catch (CheckoutRefusedException e) {
            if (offer == null) {
                throw e;
            }
            errors.reject(e.messageKey(), e.args(), null);
            form.setCheckoutToken(UUID.randomUUID().toString());
            return page(form, customerId, offer, group, model);
        } catch (ConcurrencyFailureException e) {
            flash.addFlashAttribute("flashError", "order.checkout.busy");
        } catch (DataIntegrityViolationException e) {
            // The same form sent twice at the same moment: the first one joined.
            if (groupBuying.groupOfToken(customerId, form.getCheckoutToken()).isEmpty()) {
                throw e;
            }
        }
        return "redirect:/groups/" + id;
    }

    private static GroupCheckoutForm newForm() {
        GroupCheckoutForm form = new GroupCheckoutForm();
        form.setCheckoutToken(UUID.randomUUID().toString());
        return form;
    }

    /** The purchase the form describes, or null with the errors noted next to the fields. */
    private GroupBuying.@Nullable Purchase validate(GroupCheckoutForm form, BindingResult errors, long customerId) {
        if (!form.getCheckoutToken().matches("[0-9a-f-]{36}")) {
            errors.reject("order.checkout.expired");
            form.setCheckoutToken(UUID.randomUUID().toString());
        }
        PaymentMethod method = checkout.paymentMethods().stream()
                .filter(m -> m.name().equals(form.getPaymentMethod())).findFirst().orElse(null);
        if (method == null) {
            errors.rejectValue("paymentMethod", "order.validation.paymentMethod");
        }
        boolean saved = form.getAddressId() != null && customers.addressOf(customerId, form.getAddressId()).isPresent();
        if (form.getAddressId() != null && !saved) {
            errors.rejectValue("addressId", "order.checkout.addressUnknown");
        }
        if (form.getAddressId() == null) {
            for (String field : List.of("recipient", "phone", "line1", "city", "postalCode", "country")) {
                if (((String) errors.getFieldValue(field)).isBlank()) {
                    errors.rejectValue(field, "order.validation.required");
                }
            }
            MAX_LENGTHS.forEach((field, max) -> {
                Object value = errors.getFieldValue(field);
                if (value instanceof String text && text.strip().length() > max && !errors.hasFieldErrors(field)) {
                    errors.rejectValue(field, "order.validation.tooLong", new Object[] {max}, null);
                }
            });
        }
        if (errors.hasErrors() || method == null) {
            return null;
        }
        NewAddress typed = saved ? null : new NewAddress(form.getRecipient().strip(), form.getPhone().strip(),
                form.getLine1().strip(), form.getLine2().isBlank() ? null : form.getLine2().strip(),
                form.getCity().strip(), form.getPostalCode().strip(), form.getCountry().strip());
        return new GroupBuying.Purchase(customerId, form.getCheckoutToken(), saved ? form.getAddressId() : null,
                typed, method);
    }

    private String page(GroupCheckoutForm form, long customerId, GroupOfferTerms offer, @Nullable GroupView group,
                        Model model) {
        ProductSummary product = products.find(offer.productId()).orElseThrow(() -> new NotFoundException("No product"));
        List<Address> addresses = customers.addressesOf(customerId);
        List<PaymentMethod> methods = checkout.paymentMethods();
        if (form.getAddressId() == null && !addresses.isEmpty() && form.getRecipient().isBlank()) {
            form.setAddressId(addresses.get(0).id());
        }
        if (form.getPaymentMethod().isBlank() && !methods.isEmpty()) {
            form.setPaymentMethod(methods.get(0).name());
        }
        Money shipping = checkout.quote(customerId, offer.productId(), Map.of()).shippingFee();
        model.addAttribute("groupForm", form);
        model.addAttribute("offer", offer);
        model.addAttribute("product", product);
        model.addAttribute("group", group);
        model.addAttribute("addresses", addresses);
        model.addAttribute("paymentMethods", methods);
        model.addAttribute("shipping", shipping);
        // A group keeps the price it was opened at, whatever the owner set since.
        Money price = group != null ? group.groupPrice() : offer.groupPrice();
        model.addAttribute("price", price);
        model.addAttribute("total", price.plus(shipping));
        return "groupbuy/checkout";
    }
}

package com.micromall.groupbuy.web;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.groupbuy.GroupBuyException;
import com.micromall.groupbuy.GroupBuying;
import com.micromall.groupbuy.GroupOfferTerms;
import com.micromall.groupbuy.GroupView;
import com.micromall.order.CheckoutRefusedException;
import com.micromall.order.OneProductCheckout;
import com.micromall.order.PaymentMethod;
import com.micromall.order.web.AddressAndPaymentForm;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import com.micromall.shared.QrCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
                @ModelAttribute("groupForm") AddressAndPaymentForm form, BindingResult errors, Model model,
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
        form.newToken();
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
                @ModelAttribute("groupForm") AddressAndPaymentForm form, BindingResult errors, Model model,
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
            form.newToken();
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

    private static AddressAndPaymentForm newForm() {
        AddressAndPaymentForm form = new AddressAndPaymentForm();
        form.newToken();
        return form;
    }

    /** The purchase the form describes, or null with the errors noted next to the fields. */
    private GroupBuying.@Nullable Purchase validate(AddressAndPaymentForm form, BindingResult errors, long customerId) {
        AddressAndPaymentForm.Choice choice = form.check(errors, customerId, customers, checkout.paymentMethods());
        return choice == null ? null : new GroupBuying.Purchase(customerId, form.getCheckoutToken(),
                choice.savedAddressId(), choice.typedAddress(), choice.paymentMethod());
    }

    private String page(AddressAndPaymentForm form, long customerId, GroupOfferTerms offer, @Nullable GroupView group,
                        Model model) {
        ProductSummary product = products.find(offer.productId()).orElseThrow(() -> new NotFoundException("No product"));
        List<Address> addresses = customers.addressesOf(customerId);
        List<PaymentMethod> methods = checkout.paymentMethods();
        form.preselect(addresses, methods);
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

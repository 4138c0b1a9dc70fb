package com.micromall.order.web;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.NewAddress;
import com.micromall.order.PaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.validation.Errors;

/**
 * What every checkout form posts, the cart's and the one-product ones (group buy, gift for points): a saved address id
 * or a typed address, the payment method and the one-time token. The page shows it with
 * {@code order/fragments :: addressAndPayment}; {@link #check} turns it into the buyer's choice.
 */
@Getter
@Setter
@NamedInterface("checkout-form")
public class AddressAndPaymentForm {

    /** The columns a typed address is kept in (address book and order). */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("recipient", 100, "phone", 40, "line1", 200,
            "line2", 200, "city", 100, "postalCode", 20, "country", 60);

    /** Where the order goes, as chosen: a saved address of the buyer's or a typed one, and how it is paid. */
    public record Choice(@Nullable Long savedAddressId, @Nullable NewAddress typedAddress, PaymentMethod paymentMethod) {
    }

    private @Nullable Long addressId;
    private String recipient = "";
    private String phone = "";
    private String line1 = "";
    private String line2 = "";
    private String city = "";
    private String postalCode = "";
    private String country = "";
    private String paymentMethod = "";
    private String checkoutToken = "";

    /**
     * The buyer's choice, or null with the errors noted next to the fields. A token that is not one of ours (the page
     * was not shown by us) is replaced, so the form sent again is a new one.
     */
    public @Nullable Choice check(Errors errors, long customerId, CustomerApi customers, List<PaymentMethod> methods) {
        if (!checkoutToken.matches("[0-9a-f-]{36}")) {
            errors.reject("order.checkout.expired");
            newToken();
        }
        PaymentMethod method = methods.stream().filter(m -> m.name().equals(paymentMethod)).findFirst().orElse(null);
        if (method == null) {
            errors.rejectValue("paymentMethod", "order.validation.paymentMethod");
        }
        boolean saved = addressId != null && customers.addressOf(customerId, addressId).isPresent();
        if (addressId != null && !saved) {
            errors.rejectValue("addressId", "order.checkout.addressUnknown");
        }
        if (addressId == null) {
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
        return saved ? new Choice(addressId, null, method) : new Choice(null, new NewAddress(recipient.strip(),
                phone.strip(), line1.strip(), line2.isBlank() ? null : line2.strip(), city.strip(), postalCode.strip(),
                country.strip()), method);
    }

    /** A one-product form shown (again): the first saved address unless one was typed, and the first payment method. */
    public void preselect(List<Address> addresses, List<PaymentMethod> methods) {
        if (addressId == null && !addresses.isEmpty() && recipient.isBlank()) {
            addressId = addresses.get(0).id();
        }
        if (paymentMethod.isBlank() && !methods.isEmpty()) {
            paymentMethod = methods.get(0).name();
        }
    }

    /** A fresh one-time token: for a new form, or one shown again after its order was refused. */
    public void newToken() {
        checkoutToken = UUID.randomUUID().toString();
    }
}

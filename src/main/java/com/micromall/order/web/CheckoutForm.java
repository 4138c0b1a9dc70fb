package com.micromall.order.web;

import java.util.HashMap;
import java.util.Map;
import lombok.Getter;
import org.jspecify.annotations.Nullable;

/**
 * What the checkout page posts: a saved address id or a typed address (kept for next time unless unticked), the
 * payment method, the one-time token, an optional staff code, and what the buyer picked for the discount sources
 * (posted as {@code choices[source]}, e.g. which voucher).
 */
@Getter
public class CheckoutForm {

    private @Nullable Long addressId;
    private String recipient = "";
    private String phone = "";
    private String line1 = "";
    private String line2 = "";
    private String city = "";
    private String postalCode = "";
    private String country = "";
    private boolean saveAddress = true;
    private String paymentMethod = "BANK_TRANSFER";
    private String checkoutToken = "";
    private String staffCode = "";
    private Map<String, String> choices = new HashMap<>();

    public void setAddressId(@Nullable Long addressId) {
        this.addressId = addressId;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public void setLine1(String line1) {
        this.line1 = line1;
    }

    public void setLine2(String line2) {
        this.line2 = line2;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public void setSaveAddress(boolean saveAddress) {
        this.saveAddress = saveAddress;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public void setCheckoutToken(String checkoutToken) {
        this.checkoutToken = checkoutToken;
    }

    public void setStaffCode(String staffCode) {
        this.staffCode = staffCode;
    }

    public void setChoices(Map<String, String> choices) {
        this.choices = choices;
    }
}

package com.micromall.groupbuy.web;

import lombok.Getter;
import org.jspecify.annotations.Nullable;

/** What the group checkout posts: a saved address or a typed one, the payment method and the one-time token. */
@Getter
public class GroupCheckoutForm {

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

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public void setCheckoutToken(String checkoutToken) {
        this.checkoutToken = checkoutToken;
    }
}

package com.micromall.groupbuy.web;

import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** What the group checkout posts: a saved address or a typed one, the payment method and the one-time token. */
@Getter
@Setter
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
}

package com.micromall.loyalty.points.web;

import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/**
 * What the gift form posts: the price in points the customer saw, a saved address or a typed one, how shipping is
 * paid, and the one-time token.
 */
@Getter
@Setter
public class GiftForm {

    private long points;
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

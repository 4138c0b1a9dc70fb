package com.micromall.loyalty.points.web;

import com.micromall.order.web.AddressAndPaymentForm;
import lombok.Getter;

/** What the gift form posts besides the address and payment: the price in points the customer saw. */
@Getter
public class GiftForm extends AddressAndPaymentForm {

    private long points;

    public void setPoints(long points) {
        this.points = points;
    }
}

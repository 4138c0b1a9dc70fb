package com.micromall.order.web;

import java.util.HashMap;
import java.util.Map;
import lombok.Getter;

/**
 * What the cart's checkout page posts besides the address and payment: whether a typed address is kept for next time
 * (unless unticked), an optional staff code, and what the buyer picked for the discount sources (posted as
 * {@code choices[source]}, e.g. which voucher).
 */
@Getter
public class CheckoutForm extends AddressAndPaymentForm {

    private boolean saveAddress = true;
    private String staffCode = "";
    private Map<String, String> choices = new HashMap<>();

    public CheckoutForm() {
        setPaymentMethod("BANK_TRANSFER");
    }

    public void setSaveAddress(boolean saveAddress) {
        this.saveAddress = saveAddress;
    }

    public void setStaffCode(String staffCode) {
        this.staffCode = staffCode;
    }

    public void setChoices(Map<String, String> choices) {
        this.choices = choices;
    }
}

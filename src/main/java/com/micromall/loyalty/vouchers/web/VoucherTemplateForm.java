package com.micromall.loyalty.vouchers.web;

import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * The owner's new voucher template, as typed: numbers and dates stay text so a mistake is shown back as typed.
 * {@code validity} is DAYS (valid {@code validDays} after issue) or DATES (from {@code validFrom}, optional, to
 * {@code validUntil}, inclusive, in the shop's time zone).
 */
@Getter
@Setter
public class VoucherTemplateForm {

    private String name = "";
    private String kind = "FIXED";
    private String value = "";
    private String minSpend = "";
    /** The most a percent voucher takes off; blank for no cap. */
    private String maxDiscount = "";
    private String validity = "DAYS";
    private String validDays = "30";
    private String validFrom = "";
    private String validUntil = "";
    private String perCustomerLimit = "1";
    private String scope = "ALL";
    private List<Long> categoryIds = new ArrayList<>();
    private List<Long> productIds = new ArrayList<>();
    private boolean combinesWithWelcome = true;
    private boolean onRegistration;
    private boolean referralReward;
}

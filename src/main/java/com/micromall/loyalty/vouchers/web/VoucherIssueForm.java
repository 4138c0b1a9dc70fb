package com.micromall.loyalty.vouchers.web;

import lombok.Getter;
import lombok.Setter;

/**
 * Whom to give a template to: the customers with these e-mail addresses (one per line, or separated by commas or
 * spaces), or by last order date: those who ordered since {@code since} (ORDERED_SINCE) or who have not (NOT_SINCE).
 */
@Getter
@Setter
public class VoucherIssueForm {

    private String emails = "";
    private String since = "";
    private String lastOrder = "ORDERED_SINCE";
}

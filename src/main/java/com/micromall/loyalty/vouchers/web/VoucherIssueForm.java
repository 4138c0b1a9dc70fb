package com.micromall.loyalty.vouchers.web;

import lombok.Getter;
import lombok.Setter;

/**
 * Whom to give a template to: the customers with these e-mail addresses (one per line, or separated by commas or
 * spaces), by last order date: those who ordered since {@code since} (ORDERED_SINCE) or who have not (NOT_SINCE), or
 * a group: the customers with a tag or on a member level.
 */
@Getter
@Setter
public class VoucherIssueForm {

    /** New on each page view ({@link #fresh()}): the same form sent twice gives nobody a second voucher. */
    private String token = "";
    private String emails = "";
    /** "tag:&lt;tag&gt;" or "level:&lt;id&gt;". */
    private String group = "";
    private String since = "";
    private String lastOrder = "ORDERED_SINCE";

    /** The form as a page view shows it, with its own token. */
    static VoucherIssueForm fresh() {
        VoucherIssueForm form = new VoucherIssueForm();
        form.token = java.util.UUID.randomUUID().toString();
        return form;
    }
}

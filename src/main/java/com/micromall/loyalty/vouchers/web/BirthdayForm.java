package com.micromall.loyalty.vouchers.web;

import lombok.Getter;
import lombok.Setter;

/** The month and day of a customer's birthday, as typed (strings, so a mistake is shown back as it was). */
@Getter
@Setter
public class BirthdayForm {

    private String month = "";
    private String day = "";
}

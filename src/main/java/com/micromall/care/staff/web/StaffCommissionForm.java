package com.micromall.care.staff.web;

import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** The shop-wide staff commission percent as typed: empty means none. Checked by the controller, kept as typed. */
@Getter
@Setter
public class StaffCommissionForm {

    private @Nullable String percent;
}

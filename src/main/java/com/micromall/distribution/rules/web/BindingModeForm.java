package com.micromall.distribution.rules.web;

import com.micromall.distribution.referral.BindingModes.BindingMode;
import com.micromall.distribution.referral.BindingModes.Mode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/**
 * The binding mode section of the distribution settings page, saved on its own. Days are typed as text so that
 * "abc" gets this section's message; the pattern mirrors the table's CHECK (1-365).
 */
@Getter
@Setter
public class BindingModeForm {

    @NotNull(message = "{admin.distribution.validation.required}")
    private @Nullable Mode bindingMode;

    @NotBlank(message = "{binding.validation.days}")
    // Blank passes here so that NotBlank alone speaks for it.
    @Pattern(regexp = "^\\s*(([1-9]|[1-9]\\d|[12]\\d\\d|3[0-5]\\d|36[0-5])\\s*)?$", message = "{binding.validation.days}")
    private @Nullable String protectionDays;

    static BindingModeForm of(BindingMode current) {
        BindingModeForm form = new BindingModeForm();
        form.setBindingMode(current.mode());
        form.setProtectionDays(Integer.toString(current.protectionDays()));
        return form;
    }

    BindingMode toMode() {
        return new BindingMode(Objects.requireNonNull(bindingMode),
                Integer.parseInt(Objects.requireNonNull(protectionDays).strip()));
    }
}

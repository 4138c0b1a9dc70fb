package com.micromall.customer.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The address a forgotten password's link goes to. */
public class ForgotPasswordForm {

    @NotBlank(message = "{customer.validation.email.required}")
    @Email(message = "{customer.validation.email.invalid}")
    @Size(max = 254, message = "{customer.validation.email.invalid}")
    private @Nullable String email;

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }
}

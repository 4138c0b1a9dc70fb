package com.micromall.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Changing the password asks for the current one first. */
public class PasswordForm {

    @NotBlank(message = "{customer.validation.currentPassword.required}")
    private @Nullable String currentPassword;

    @NotBlank(message = "{customer.validation.password.required}")
    @Size(min = RegistrationForm.MIN_PASSWORD, max = 200, message = "{customer.validation.password.tooShort}")
    private @Nullable String newPassword;

    public @Nullable String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(@Nullable String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public @Nullable String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(@Nullable String newPassword) {
        this.newPassword = newPassword;
    }
}

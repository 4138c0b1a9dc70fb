package com.micromall.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new password from a reset link, typed twice. The password carries the same rules as the
 * registration form's, so the shop has one idea of an acceptable password.
 */
public class PasswordResetForm {

    private @Nullable String token;

    @NotBlank(message = "{customer.validation.password.required}")
    @Size(min = RegistrationForm.MIN_PASSWORD, max = 200, message = "{customer.validation.password.tooShort}")
    private @Nullable String password;

    private @Nullable String passwordAgain;

    public @Nullable String getToken() {
        return token;
    }

    public void setToken(@Nullable String token) {
        this.token = token;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(@Nullable String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}

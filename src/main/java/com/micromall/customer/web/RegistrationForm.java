package com.micromall.customer.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a visitor types into /register. The password is never sent back into the page. */
public class RegistrationForm {

    static final int MIN_PASSWORD = 8;

    @NotBlank(message = "{customer.validation.name.required}")
    @Size(max = 100, message = "{customer.validation.name.tooLong}")
    private @Nullable String name;

    @NotBlank(message = "{customer.validation.email.required}")
    @Email(message = "{customer.validation.email.invalid}")
    @Size(max = 254, message = "{customer.validation.email.invalid}")
    private @Nullable String email;

    @NotBlank(message = "{customer.validation.password.required}")
    @Size(min = MIN_PASSWORD, max = 200, message = "{customer.validation.password.tooShort}")
    private @Nullable String password;

    @Size(max = 40, message = "{customer.validation.phone.invalid}")
    @Pattern(regexp = "^$|^[+0-9 ()\\-]{5,40}$", message = "{customer.validation.phone.invalid}")
    private @Nullable String phone;

    @Size(max = 60, message = "{customer.validation.wechatId.tooLong}")
    private @Nullable String wechatId;

    @Size(max = 32, message = "{customer.validation.referralCode.tooLong}")
    private @Nullable String referralCode;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getWechatId() {
        return wechatId;
    }

    public void setWechatId(@Nullable String wechatId) {
        this.wechatId = wechatId;
    }

    public @Nullable String getReferralCode() {
        return referralCode;
    }

    public void setReferralCode(@Nullable String referralCode) {
        this.referralCode = referralCode;
    }
}

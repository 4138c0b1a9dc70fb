package com.micromall.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The customer's name and contact details on /account; the e-mail is the login and is not edited here. */
public class ProfileForm {

    @NotBlank(message = "{customer.validation.name.required}")
    @Size(max = 100, message = "{customer.validation.name.tooLong}")
    private @Nullable String name;

    @Size(max = 40, message = "{customer.validation.phone.invalid}")
    @Pattern(regexp = "^$|^[+0-9 ()\\-]{5,40}$", message = "{customer.validation.phone.invalid}")
    private @Nullable String phone;

    @Size(max = 60, message = "{customer.validation.wechatId.tooLong}")
    private @Nullable String wechatId;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
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
}

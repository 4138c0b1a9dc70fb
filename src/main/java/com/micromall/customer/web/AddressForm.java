package com.micromall.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A shipping address as typed on the address page. */
public class AddressForm {

    @NotBlank(message = "{customer.validation.recipient.required}")
    @Size(max = 100, message = "{customer.validation.tooLong}")
    private @Nullable String recipient;

    @NotBlank(message = "{customer.validation.addressPhone.required}")
    @Size(max = 40, message = "{customer.validation.phone.invalid}")
    @Pattern(regexp = "^$|^[+0-9 ()\\-]{5,40}$", message = "{customer.validation.phone.invalid}")
    private @Nullable String phone;

    @NotBlank(message = "{customer.validation.line1.required}")
    @Size(max = 200, message = "{customer.validation.tooLong}")
    private @Nullable String line1;

    @Size(max = 200, message = "{customer.validation.tooLong}")
    private @Nullable String line2;

    @NotBlank(message = "{customer.validation.city.required}")
    @Size(max = 100, message = "{customer.validation.tooLong}")
    private @Nullable String city;

    @NotBlank(message = "{customer.validation.postalCode.required}")
    @Size(max = 20, message = "{customer.validation.tooLong}")
    private @Nullable String postalCode;

    @NotBlank(message = "{customer.validation.country.required}")
    @Size(max = 60, message = "{customer.validation.tooLong}")
    private @Nullable String country;

    public @Nullable String getRecipient() {
        return recipient;
    }

    public void setRecipient(@Nullable String recipient) {
        this.recipient = recipient;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getLine1() {
        return line1;
    }

    public void setLine1(@Nullable String line1) {
        this.line1 = line1;
    }

    public @Nullable String getLine2() {
        return line2;
    }

    public void setLine2(@Nullable String line2) {
        this.line2 = line2;
    }

    public @Nullable String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = city;
    }

    public @Nullable String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(@Nullable String postalCode) {
        this.postalCode = postalCode;
    }

    public @Nullable String getCountry() {
        return country;
    }

    public void setCountry(@Nullable String country) {
        this.country = country;
    }
}

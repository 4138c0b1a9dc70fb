package com.micromall.care.staff.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** Whom the owner invites to the staff: a name to greet them by and the address the invitation goes to. */
@Getter
@Setter
public class StaffInviteForm {

    @NotBlank(message = "{staff.validation.name}")
    @Size(max = 100, message = "{staff.validation.name}")
    private @Nullable String name;

    @NotBlank(message = "{customer.validation.email.required}")
    @Email(message = "{customer.validation.email.invalid}")
    @Size(max = 254, message = "{customer.validation.email.invalid}")
    private @Nullable String email;
}

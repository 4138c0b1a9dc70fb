package com.micromall.distribution.invitations.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import org.jspecify.annotations.Nullable;

/** The code a customer who registered without a referrer enters later. */
@Getter
public class InvitedByForm {

    @NotBlank(message = "{distribution.invitedBy.code.required}")
    @Size(max = 32, message = "{distribution.invitedBy.code.unknown}")
    private @Nullable String code;

    public void setCode(@Nullable String code) {
        this.code = code;
    }
}

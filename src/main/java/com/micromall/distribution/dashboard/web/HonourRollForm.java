package com.micromall.distribution.dashboard.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import org.jspecify.annotations.Nullable;

/** The name a distributor shows on the honour roll (join or rename), or leave. */
@Getter
public class HonourRollForm {

    @NotBlank(message = "{distribution.honour.name.required}")
    @Size(max = 30, message = "{distribution.honour.name.size}")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{distribution.honour.name.invalid}")
    private @Nullable String displayName;

    private @Nullable String action;

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName == null ? null : displayName.strip();
    }

    public void setAction(@Nullable String action) {
        this.action = action;
    }

    boolean leaving() {
        return "leave".equals(action);
    }
}

package com.micromall.loyalty.levels.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/**
 * A member level as the owner types it. The amounts stay text here so a typo comes back as the owner typed it, with a
 * message; {@code formToken} makes the same "add" form sent twice add one level.
 */
@Getter
@Setter
public class LevelForm {

    @NotBlank(message = "{loyalty.levels.validation.name}")
    @Size(max = 40, message = "{loyalty.levels.validation.name}")
    private @Nullable String name;

    private @Nullable String threshold;

    private @Nullable String discountPercent;

    private @Nullable String formToken;
}

package com.micromall.settings;

/** The owner saved the shop settings; published inside the saving transaction. */
public record ShopSettingsChanged(ShopSettings settings) {
}

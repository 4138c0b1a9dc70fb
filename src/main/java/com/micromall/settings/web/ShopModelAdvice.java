package com.micromall.settings.web;

import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's layout shows the shop's name and contact, so every page's model carries them. */
@ControllerAdvice
@RequiredArgsConstructor
class ShopModelAdvice {

    private final ShopSettingsService settings;

    @ModelAttribute("shop")
    ShopSettings shop() {
        return settings.current();
    }
}

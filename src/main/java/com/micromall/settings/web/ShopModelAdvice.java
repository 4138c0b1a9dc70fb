package com.micromall.settings.web;

import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.web.LayoutValue;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's layout shows the shop's name and contact, so every page's model carries them (read if rendered). */
@ControllerAdvice
@RequiredArgsConstructor
class ShopModelAdvice {

    private final ShopSettingsService settings;

    @ModelAttribute("shop")
    LayoutValue<ShopSettings> shop() {
        return LayoutValue.of(settings::current);
    }
}

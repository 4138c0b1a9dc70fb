package com.micromall.catalog.web;

import com.micromall.catalog.internal.Storefront;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The storefront's front page: the welcome, the categories and the newest products. */
@Controller
@RequiredArgsConstructor
class HomeController {

    static final int FEATURED = 8;

    private final Storefront storefront;

    @GetMapping("/")
    String home(Locale locale, Model model) {
        model.addAttribute("categories", storefront.categories(locale));
        model.addAttribute("featured", storefront.newest(FEATURED, locale));
        return "home";
    }
}

package com.micromall.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The storefront's front page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}

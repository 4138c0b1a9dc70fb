package com.micromall.customer.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) @Nullable Integer lockedMinutes, Model model) {
        if (lockedMinutes != null) {
            model.addAttribute("lockedMinutes", Math.max(1, Math.min(lockedMinutes, 24 * 60)));
        }
        return "customer/login";
    }
}

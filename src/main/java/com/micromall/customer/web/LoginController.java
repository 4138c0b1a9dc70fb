package com.micromall.customer.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) @Nullable String locked, Model model) {
        if (locked != null) {
            // The throttle's redirect says how long; a hand-edited value still shows the message, never an error.
            model.addAttribute("lockedMinutes", locked.matches("\\d{1,4}") ? Math.max(1, Integer.parseInt(locked)) : 1);
        }
        return "customer/login";
    }
}

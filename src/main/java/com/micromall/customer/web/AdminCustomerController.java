package com.micromall.customer.web;

import com.micromall.customer.internal.CustomerDirectory;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The owner's customer list; a row opens the customer's detail page (built with their orders). */
@Controller
@RequiredArgsConstructor
class AdminCustomerController {

    static final int PAGE_SIZE = 20;

    private final CustomerDirectory directory;

    @GetMapping("/admin/customers")
    String customers(@RequestParam(name = "q", required = false) @Nullable String query,
                     @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.length() > 100) {
            trimmed = trimmed.substring(0, 100);
        }
        model.addAttribute("adminSection", "customers");
        model.addAttribute("q", trimmed);
        model.addAttribute("result", directory.search(trimmed, page, PAGE_SIZE));
        return "admin/customers";
    }
}

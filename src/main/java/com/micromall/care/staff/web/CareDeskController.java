package com.micromall.care.staff.web;

import com.micromall.care.staff.StaffRoster;
import com.micromall.customer.CustomerPrincipal;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where staff start: the pages they may use (customer files and the care pages; never settings, products or money)
 * and their own staff code and link to hand out.
 */
@Controller
@RequiredArgsConstructor
class CareDeskController {

    private final StaffRoster roster;

    @GetMapping("/admin/care")
    String desk(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
        model.addAttribute("adminSection", "care");
        roster.memberOfAccount(principal.getCustomerId()).filter(StaffRoster.Member::active)
                .ifPresent(member -> model.addAttribute("me", member));
        return "care/staff/desk";
    }
}

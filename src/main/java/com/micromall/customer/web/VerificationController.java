package com.micromall.customer.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.internal.EmailVerification;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The link that confirms a customer's e-mail address, and asking for a new one. */
@Controller
@RequiredArgsConstructor
class VerificationController {

    private final EmailVerification verification;

    @GetMapping("/verify")
    String verify(@RequestParam(name = "token", required = false) @Nullable String token, Model model) {
        model.addAttribute("verified", token != null && verification.verify(token));
        return "customer/verified";
    }

    @PostMapping("/account/verification")
    String resend(@AuthenticationPrincipal CustomerPrincipal me, RedirectAttributes redirect) {
        verification.sendLink(me.getCustomerId());
        redirect.addFlashAttribute("flashSuccess", "customer.verify.resent");
        redirect.addFlashAttribute("flashArgs", new Object[] {me.getEmail()});
        return "redirect:/account";
    }
}

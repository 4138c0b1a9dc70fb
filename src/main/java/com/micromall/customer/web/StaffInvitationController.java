package com.micromall.customer.web;

import com.micromall.customer.StaffAccounts;
import com.micromall.customer.internal.PasswordPolicy;
import jakarta.validation.Valid;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The link in a staff invitation: choose a password once, then sign in as staff. */
@Controller
@RequiredArgsConstructor
class StaffInvitationController {

    private static final String VIEW = "customer/staff-invitation";
    private static final String LINK_UNUSABLE_VIEW = "customer/password-link-unusable";

    private final StaffAccounts staffAccounts;
    private final PasswordPolicy passwordPolicy;

    @GetMapping("/staff/invitation")
    String form(@RequestParam(name = "token", required = false) @Nullable String token, Model model) {
        if (token == null || staffAccounts.invitee(token).isEmpty()) {
            return LINK_UNUSABLE_VIEW;
        }
        PasswordResetForm form = new PasswordResetForm();
        form.setToken(token);
        model.addAttribute("passwordResetForm", form);
        return VIEW;
    }

    @PostMapping("/staff/invitation")
    String accept(@Valid @ModelAttribute("passwordResetForm") PasswordResetForm form, BindingResult errors,
                  RedirectAttributes redirect) {
        String token = form.getToken();
        if (token == null || token.isBlank()) {
            return LINK_UNUSABLE_VIEW;
        }
        if (!errors.hasFieldErrors("password")) {
            passwordPolicy.refusal(Objects.requireNonNull(form.getPassword()), null, null)
                    .ifPresent(refusal -> errors.rejectValue("password", refusal));
        }
        if (!errors.hasFieldErrors("password") && !Objects.equals(form.getPassword(), form.getPasswordAgain())) {
            errors.rejectValue("passwordAgain", "customer.password.reset.mismatch");
        }
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setPasswordAgain(null);
            return staffAccounts.invitee(token).isPresent() ? VIEW : LINK_UNUSABLE_VIEW;
        }
        if (staffAccounts.accept(token, Objects.requireNonNull(form.getPassword())).isEmpty()) {
            return LINK_UNUSABLE_VIEW;
        }
        redirect.addFlashAttribute("flashSuccess", "staff.invitation.accepted");
        return "redirect:/login";
    }
}

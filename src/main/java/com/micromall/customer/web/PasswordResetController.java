package com.micromall.customer.web;

import com.micromall.customer.internal.PasswordPolicy;
import com.micromall.customer.internal.PasswordReset;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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

/**
 * "Forgot password?". The answer to a request never says whether the address has an account;
 * the link in the mail works once, for a short while.
 */
@Controller
@RequiredArgsConstructor
class PasswordResetController {

    private static final String FORGOT_VIEW = "customer/password-forgot";
    private static final String RESET_VIEW = "customer/password-reset";
    private static final String LINK_UNUSABLE_VIEW = "customer/password-link-unusable";

    private final PasswordReset passwordReset;
    private final PasswordPolicy passwordPolicy;
    private final OtherSessions otherSessions;
    private final SignInThrottle throttle;

    @GetMapping("/password/forgot")
    String forgot(Model model) {
        model.addAttribute("forgotPasswordForm", new ForgotPasswordForm());
        return FORGOT_VIEW;
    }

    @PostMapping("/password/forgot")
    String requestLink(@Valid @ModelAttribute("forgotPasswordForm") ForgotPasswordForm form, BindingResult errors,
                       HttpServletRequest request, Model model) {
        if (errors.hasErrors()) {
            return FORGOT_VIEW;
        }
        Optional<Duration> wait = throttle.resetLink(Objects.requireNonNull(form.getEmail()), request.getRemoteAddr());
        if (wait.isPresent()) {
            errors.reject("auth.tooManyAttempts", new Object[] {SignInThrottle.minutes(wait.get())}, null);
            return FORGOT_VIEW;
        }
        passwordReset.requestLink(Objects.requireNonNull(form.getEmail()));
        model.addAttribute("linkSent", true);
        return FORGOT_VIEW;
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(name = "token", required = false) @Nullable String token, Model model) {
        if (token == null || !passwordReset.isUsable(token)) {
            return LINK_UNUSABLE_VIEW;
        }
        PasswordResetForm form = new PasswordResetForm();
        form.setToken(token);
        model.addAttribute("passwordResetForm", form);
        return RESET_VIEW;
    }

    @PostMapping("/password/reset")
    String reset(@Valid @ModelAttribute("passwordResetForm") PasswordResetForm form, BindingResult errors,
                 HttpServletRequest request, RedirectAttributes redirect) {
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
            return passwordReset.isUsable(token) ? RESET_VIEW : LINK_UNUSABLE_VIEW;
        }
        Optional<String> account = passwordReset.reset(token, Objects.requireNonNull(form.getPassword()));
        if (account.isEmpty()) {
            return LINK_UNUSABLE_VIEW;
        }
        // Whoever knew the old password (or held a stolen session) is signed out everywhere.
        otherSessions.end(account.get(), request);
        redirect.addFlashAttribute("flashSuccess", "customer.password.reset.done");
        return "redirect:/login";
    }
}

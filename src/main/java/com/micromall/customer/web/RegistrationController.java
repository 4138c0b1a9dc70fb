package com.micromall.customer.web;

import com.micromall.customer.InvitationCodes;
import com.micromall.customer.ReferralAttribution;
import com.micromall.shared.web.DeviceFingerprint;
import com.micromall.shared.web.LocalRedirect;
import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.customer.internal.NewCustomer;
import com.micromall.customer.internal.PasswordPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up. Whether the address was new or already had an account, the visitor lands on the same
 * "check your inbox" page and is not logged in: anything else would tell a stranger which
 * addresses have accounts. The new account can log in at once and shop while its address is
 * unverified; the owner of a taken address gets a mail instead of a second account.
 */
@Controller
@RequiredArgsConstructor
class RegistrationController {

    private static final String VIEW = "customer/register";

    private final CustomerRegistration registration;
    private final DeviceFingerprint deviceFingerprint;
    private final SignInThrottle throttle;
    private final PasswordPolicy passwordPolicy;
    private final ObjectProvider<InvitationCodes> invitationCodes;

    @GetMapping("/register")
    String form(@RequestParam(name = "code", required = false) @Nullable String code,
                @CookieValue(name = ReferralAttribution.COOKIE, required = false) @Nullable String attributedCode,
                @RequestParam(name = "continue", required = false) @Nullable String continueTo, Model model) {
        RegistrationForm form = new RegistrationForm();
        String prefill = code != null && !code.isBlank() ? code : attributedCode;
        if (prefill != null && prefill.length() <= 32) {
            form.setReferralCode(prefill.strip());
        }
        model.addAttribute("registrationForm", form);
        model.addAttribute("continueTo", LocalRedirect.isSafe(continueTo) ? continueTo : null);
        return VIEW;
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("registrationForm") RegistrationForm form, BindingResult errors,
                    @RequestParam(name = "continue", required = false) @Nullable String continueTo, Model model,
                    HttpServletRequest request, RedirectAttributes redirect) {
        model.addAttribute("continueTo", LocalRedirect.isSafe(continueTo) ? continueTo : null);
        Optional<Duration> wait = throttle.signUp(request.getRemoteAddr());
        if (wait.isPresent()) {
            errors.reject("auth.tooManyAttempts", new Object[] {SignInThrottle.minutes(wait.get())}, null);
            return again(form);
        }
        if (!errors.hasFieldErrors("password")) {
            passwordPolicy.refusal(required(form.getPassword()), form.getEmail(), form.getName())
                    .ifPresent(refusal -> errors.rejectValue("password", refusal));
        }
        String typedCode = form.getReferralCode();
        if (!errors.hasFieldErrors("referralCode") && typedCode != null && !typedCode.isBlank()
                && invitationCodes.stream().noneMatch(codes -> codes.exists(typedCode))) {
            errors.rejectValue("referralCode", "customer.validation.referralCode.unknown");
        }
        if (errors.hasErrors()) {
            return again(form);
        }
        registration.signUp(new NewCustomer(required(form.getName()), required(form.getEmail()),
                required(form.getPassword()), form.getPhone(), form.getWechatId(), form.getReferralCode(),
                deviceFingerprint.of(request), LocaleContextHolder.getLocale(), deviceFingerprint.networkOf(request)));
        redirect.addFlashAttribute("registeredEmail", required(form.getEmail()).strip());
        if (LocalRedirect.isSafe(continueTo)) {
            redirect.addAttribute("continue", continueTo);
        }
        return "redirect:/register/check-inbox";
    }

    @GetMapping("/register/check-inbox")
    String checkInbox(@RequestParam(name = "continue", required = false) @Nullable String continueTo, Model model) {
        model.addAttribute("continueTo", LocalRedirect.isSafe(continueTo) ? continueTo : null);
        return "customer/check-inbox";
    }

    private static String again(RegistrationForm form) {
        form.setPassword(null);
        return VIEW;
    }

    private static String required(@Nullable String value) {
        return Objects.requireNonNull(value);
    }
}

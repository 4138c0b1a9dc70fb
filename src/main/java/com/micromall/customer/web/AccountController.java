package com.micromall.customer.web;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.internal.AddressBook;
import com.micromall.customer.internal.AddressDetails;
import com.micromall.customer.internal.AddressLimitReachedException;
import com.micromall.customer.internal.CustomerAccountService;
import com.micromall.customer.internal.PasswordPolicy;
import com.micromall.customer.internal.WrongPasswordException;
import com.micromall.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /account: the logged-in customer's profile, password and addresses. Only ever their own. */
@Controller
@RequestMapping("/account")
@RequiredArgsConstructor
class AccountController {

    private static final String VIEW = "customer/account";
    private static final String ADDRESS_VIEW = "customer/address-form";
    private static final String BACK = "redirect:/account";

    private final CustomerApi customerApi;
    private final CustomerAccountService accounts;
    private final AddressBook addressBook;
    private final SessionLogin sessionLogin;
    private final PasswordPolicy passwordPolicy;
    private final OtherSessions otherSessions;

    @GetMapping
    String account(@AuthenticationPrincipal CustomerPrincipal me, Model model) {
        CustomerProfile profile = profile(me);
        ProfileForm form = new ProfileForm();
        form.setName(profile.name());
        form.setPhone(profile.phone());
        form.setWechatId(profile.wechatId());
        return page(me, model, form, new PasswordForm());
    }

    @PostMapping("/profile")
    String changeProfile(@AuthenticationPrincipal CustomerPrincipal me,
                         @Valid @ModelAttribute("profileForm") ProfileForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return page(me, model, form, new PasswordForm());
        }
        CustomerPrincipal refreshed = accounts.changeProfile(me.getCustomerId(), required(form.getName()),
                form.getPhone(), form.getWechatId());
        sessionLogin.logIn(refreshed, request, response, false);
        redirect.addFlashAttribute("flashSuccess", "customer.account.profileSaved");
        return BACK;
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal CustomerPrincipal me,
                          @Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect, HttpServletRequest request) {
        if (!errors.hasFieldErrors("newPassword")) {
            passwordPolicy.refusal(required(form.getNewPassword()), me.getEmail(), me.getDisplayName())
                    .ifPresent(refusal -> errors.rejectValue("newPassword", refusal));
        }
        if (!errors.hasErrors()) {
            try {
                accounts.changePassword(me.getCustomerId(), required(form.getCurrentPassword()),
                        required(form.getNewPassword()));
                otherSessions.end(me.getUsername(), request);
                redirect.addFlashAttribute("flashSuccess", "customer.account.passwordChanged");
                return BACK;
            } catch (WrongPasswordException e) {
                errors.rejectValue("currentPassword", "customer.validation.currentPassword.wrong");
            }
        }
        form.setCurrentPassword(null);
        form.setNewPassword(null);
        CustomerProfile profile = profile(me);
        ProfileForm profileForm = new ProfileForm();
        profileForm.setName(profile.name());
        profileForm.setPhone(profile.phone());
        profileForm.setWechatId(profile.wechatId());
        return page(me, model, profileForm, form);
    }

    @GetMapping("/addresses/new")
    String newAddress(@AuthenticationPrincipal CustomerPrincipal me, Model model, RedirectAttributes redirect) {
        if (addressBook.addressesOf(me.getCustomerId()).size() >= AddressBook.MAX_ADDRESSES) {
            return limitReached(redirect);
        }
        model.addAttribute("addressForm", new AddressForm());
        model.addAttribute("addressId", null);
        return ADDRESS_VIEW;
    }

    @PostMapping("/addresses")
    String addAddress(@AuthenticationPrincipal CustomerPrincipal me,
                      @Valid @ModelAttribute("addressForm") AddressForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("addressId", null);
            return ADDRESS_VIEW;
        }
        try {
            addressBook.add(me.getCustomerId(), details(form));
        } catch (AddressLimitReachedException e) {
            return limitReached(redirect);
        }
        redirect.addFlashAttribute("flashSuccess", "customer.address.added");
        return BACK;
    }

    @GetMapping("/addresses/{id}/edit")
    String editAddress(@AuthenticationPrincipal CustomerPrincipal me, @PathVariable long id, Model model) {
        Address address = addressBook.addressOf(me.getCustomerId(), id);
        AddressForm form = new AddressForm();
        form.setRecipient(address.recipient());
        form.setPhone(address.phone());
        form.setLine1(address.line1());
        form.setLine2(address.line2());
        form.setCity(address.city());
        form.setPostalCode(address.postalCode());
        form.setCountry(address.country());
        model.addAttribute("addressForm", form);
        model.addAttribute("addressId", id);
        return ADDRESS_VIEW;
    }

    @PostMapping("/addresses/{id}")
    String changeAddress(@AuthenticationPrincipal CustomerPrincipal me, @PathVariable long id,
                         @Valid @ModelAttribute("addressForm") AddressForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            addressBook.addressOf(me.getCustomerId(), id); // someone else's id is a 404 even with bad input
            model.addAttribute("addressId", id);
            return ADDRESS_VIEW;
        }
        addressBook.change(me.getCustomerId(), id, details(form));
        redirect.addFlashAttribute("flashSuccess", "customer.address.saved");
        return BACK;
    }

    @PostMapping("/addresses/{id}/delete")
    String deleteAddress(@AuthenticationPrincipal CustomerPrincipal me, @PathVariable long id,
                         RedirectAttributes redirect) {
        addressBook.delete(me.getCustomerId(), id);
        redirect.addFlashAttribute("flashSuccess", "customer.address.deleted");
        return BACK;
    }

    @PostMapping("/addresses/{id}/default")
    String makeDefault(@AuthenticationPrincipal CustomerPrincipal me, @PathVariable long id,
                       RedirectAttributes redirect) {
        addressBook.makeDefault(me.getCustomerId(), id);
        redirect.addFlashAttribute("flashSuccess", "customer.address.madeDefault");
        return BACK;
    }

    private String page(CustomerPrincipal me, Model model, ProfileForm profileForm, PasswordForm passwordForm) {
        model.addAttribute("profile", profile(me));
        model.addAttribute("emailVerified", customerApi.isEmailVerified(me.getCustomerId()));
        model.addAttribute("profileForm", profileForm);
        model.addAttribute("passwordForm", passwordForm);
        model.addAttribute("addresses", addressBook.addressesOf(me.getCustomerId()));
        model.addAttribute("maxAddresses", AddressBook.MAX_ADDRESSES);
        return VIEW;
    }

    private CustomerProfile profile(CustomerPrincipal me) {
        return customerApi.find(me.getCustomerId()).orElseThrow(() -> new NotFoundException("No such customer"));
    }

    private static String limitReached(RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashError", "customer.address.limitReached");
        redirect.addFlashAttribute("flashArgs", new Object[] {AddressBook.MAX_ADDRESSES});
        return BACK;
    }

    private static AddressDetails details(AddressForm form) {
        return new AddressDetails(required(form.getRecipient()), required(form.getPhone()), required(form.getLine1()),
                form.getLine2(), required(form.getCity()), required(form.getPostalCode()),
                required(form.getCountry()));
    }

    private static String required(@Nullable String value) {
        return Objects.requireNonNull(value);
    }
}

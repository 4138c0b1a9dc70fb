package com.micromall.care.staff.web;

import com.micromall.care.staff.StaffFigures;
import com.micromall.care.staff.StaffRoster;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's staff page: who works in the shop, what each brought in, invitations and deactivation. */
@Controller
@RequiredArgsConstructor
class AdminStaffController {

    private static final String VIEW = "care/staff/admin-staff";

    private final StaffRoster roster;
    private final StaffFigures figures;

    @GetMapping("/admin/staff")
    String list(Model model) {
        return page(new StaffInviteForm(), model);
    }

    @PostMapping("/admin/staff")
    String invite(@Valid @ModelAttribute("staffInviteForm") StaffInviteForm form, BindingResult errors, Locale locale,
                  Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(form, model);
        }
        StaffRoster.InvitationOutcome outcome = roster.invite(Objects.requireNonNull(form.getEmail()),
                Objects.requireNonNull(form.getName()), locale);
        if (outcome == StaffRoster.InvitationOutcome.INVITED) {
            redirect.addFlashAttribute("flashSuccess", "staff.flash.invited");
        } else {
            redirect.addFlashAttribute("flashError", "staff.flash.alreadyOnStaff");
        }
        redirect.addFlashAttribute("flashArgs", new Object[] {form.getEmail()});
        return "redirect:/admin/staff";
    }

    @PostMapping("/admin/staff/{id:\\d{1,18}}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        StaffRoster.Member member = roster.member(id);
        roster.deactivate(id);
        redirect.addFlashAttribute("flashSuccess", "staff.flash.deactivated");
        redirect.addFlashAttribute("flashArgs", new Object[] {member.name()});
        return "redirect:/admin/staff";
    }

    private String page(StaffInviteForm form, Model model) {
        model.addAttribute("adminSection", "staff");
        model.addAttribute("staffInviteForm", form);
        model.addAttribute("lines", figures.lines());
        return VIEW;
    }
}

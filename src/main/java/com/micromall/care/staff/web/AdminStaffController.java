package com.micromall.care.staff.web;

import com.micromall.care.staff.StaffCommissionRate;
import com.micromall.care.staff.StaffFigures;
import com.micromall.distribution.StaffCommissionBalances;
import com.micromall.care.staff.StaffRoster;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final StaffCommissionRate commissionRate;
    private final StaffCommissionBalances staffCommissions;

    @GetMapping("/admin/staff")
    String list(Model model) {
        return page(new StaffInviteForm(), model);
    }

    @PostMapping("/admin/staff/commission")
    String commission(@ModelAttribute("staffCommissionForm") StaffCommissionForm form, BindingResult errors,
                      Principal principal, Model model, RedirectAttributes redirect) {
        String typed = form.getPercent() == null ? "" : form.getPercent().trim();
        BigDecimal percent = null;
        if (!typed.isEmpty()) {
            try {
                percent = new BigDecimal(typed.replace(',', '.'));
            } catch (NumberFormatException e) {
                percent = null;
            }
            if (percent == null || percent.signum() < 0 || percent.compareTo(StaffCommissionRate.MAXIMUM) > 0
                    || percent.stripTrailingZeros().scale() > 2) {
                errors.rejectValue("percent", "staffpay.commission.invalid");
                model.addAttribute("staffCommissionForm", form);
                return page(new StaffInviteForm(), model);
            }
        }
        commissionRate.change(percent == null || percent.signum() == 0 ? null : percent, principal.getName());
        redirect.addFlashAttribute("flashSuccess", "staffpay.commission.saved");
        return "redirect:/admin/staff";
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
        var lines = figures.lines();
        model.addAttribute("lines", lines);
        if (!model.containsAttribute("staffCommissionForm")) {
            StaffCommissionForm commission = new StaffCommissionForm();
            commission.setPercent(commissionRate.current().map(p -> p.stripTrailingZeros().toPlainString()).orElse(""));
            model.addAttribute("staffCommissionForm", commission);
        }
        model.addAttribute("staffCommissionOn", commissionRate.current().isPresent());
        Map<Long, StaffCommissionBalances.StaffCommission> earned = lines.stream().map(line -> line.member().customerId())
                .distinct().collect(Collectors.toMap(Function.identity(), staffCommissions::staffCommissionOf));
        model.addAttribute("staffEarned", earned);
        return VIEW;
    }
}

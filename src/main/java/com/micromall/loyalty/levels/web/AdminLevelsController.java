package com.micromall.loyalty.levels.web;

import com.micromall.loyalty.levels.LevelBasis;
import com.micromall.loyalty.levels.LevelMeasure;
import com.micromall.loyalty.levels.MemberLevel;
import com.micromall.loyalty.levels.MemberLevels;
import com.micromall.loyalty.levels.MemberLevels.LevelTerms;
import com.micromall.loyalty.levels.MemberLevels.Outcome;
import com.micromall.shared.NotFoundException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Objects;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's member levels: what their thresholds measure (spend or points earned), and each level with its threshold,
 * discount and how many customers hold it; add, change, remove.
 */
@Controller
@RequiredArgsConstructor
class AdminLevelsController {

    private static final String LIST = "loyalty/admin-levels";
    private static final String EDIT = "loyalty/admin-level-edit";
    private static final BigDecimal MAX_THRESHOLD = new BigDecimal("1000000000");
    private static final BigDecimal MAX_PERCENT = new BigDecimal("90");

    private final MemberLevels levels;

    @GetMapping("/admin/loyalty/levels")
    String list(Model model) {
        LevelForm form = new LevelForm();
        form.setFormToken(UUID.randomUUID().toString());
        return list(form, model);
    }

    @PostMapping("/admin/loyalty/levels")
    String add(@Valid @ModelAttribute("levelForm") LevelForm form, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        LevelTerms terms = terms(form, errors);
        if (terms == null || form.getFormToken() == null || form.getFormToken().isBlank()) {
            if (form.getFormToken() == null || form.getFormToken().isBlank()) {
                form.setFormToken(UUID.randomUUID().toString());
            }
            return list(form, model);
        }
        Outcome outcome = levels.add(terms, form.getFormToken());
        if (rejected(outcome, errors)) {
            return list(form, model);
        }
        redirect.addFlashAttribute("flashSuccess", "loyalty.levels.flash.added");
        redirect.addFlashAttribute("flashArgs", new Object[] {terms.name()});
        return "redirect:/admin/loyalty/levels";
    }

    /** Switches what the thresholds measure; an unknown value changes nothing. */
    @PostMapping("/admin/loyalty/levels/basis")
    String basis(@RequestParam(required = false) @Nullable String basis, Principal owner, RedirectAttributes redirect) {
        LevelBasis chosen = basis == null ? null : switch (basis) {
            case "SPEND" -> LevelBasis.SPEND;
            case "LIFETIME" -> LevelBasis.LIFETIME;
            case "POINTS" -> LevelBasis.POINTS;
            default -> null;
        };
        if (chosen == null) {
            redirect.addFlashAttribute("flashError", "loyalty.levels.validation.basis");
            return "redirect:/admin/loyalty/levels";
        }
        levels.changeBasis(chosen, owner.getName());
        redirect.addFlashAttribute("flashSuccess", "loyalty.levels.flash.basis." + chosen.name());
        return "redirect:/admin/loyalty/levels";
    }

    @GetMapping("/admin/loyalty/levels/{id:\\d{1,18}}/edit")
    String edit(@PathVariable long id, Model model) {
        MemberLevel level = levels.find(id).orElseThrow(() -> new NotFoundException("no member level " + id));
        LevelForm form = new LevelForm();
        form.setName(level.name());
        form.setThreshold(level.threshold().stripTrailingZeros().toPlainString());
        form.setDiscountPercent(level.percentText());
        return edit(id, form, model);
    }

    @PostMapping("/admin/loyalty/levels/{id:\\d{1,18}}")
    String change(@PathVariable long id, @Valid @ModelAttribute("levelForm") LevelForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        levels.find(id).orElseThrow(() -> new NotFoundException("no member level " + id));
        LevelTerms terms = terms(form, errors);
        if (terms == null || rejected(levels.change(id, terms), errors)) {
            return edit(id, form, model);
        }
        redirect.addFlashAttribute("flashSuccess", "loyalty.levels.flash.saved");
        redirect.addFlashAttribute("flashArgs", new Object[] {terms.name()});
        return "redirect:/admin/loyalty/levels";
    }

    @PostMapping("/admin/loyalty/levels/{id:\\d{1,18}}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        levels.find(id).ifPresent(level -> {
            levels.delete(id);
            redirect.addFlashAttribute("flashSuccess", "loyalty.levels.flash.deleted");
            redirect.addFlashAttribute("flashArgs", new Object[] {level.name()});
        });
        return "redirect:/admin/loyalty/levels";
    }

    private String list(LevelForm form, Model model) {
        model.addAttribute("adminSection", "loyalty");
        model.addAttribute("levelForm", form);
        model.addAttribute("lines", levels.withMembers());
        model.addAttribute("measure", levels.measure());
        return LIST;
    }

    private String edit(long id, LevelForm form, Model model) {
        model.addAttribute("adminSection", "loyalty");
        model.addAttribute("levelForm", form);
        model.addAttribute("levelId", id);
        model.addAttribute("measure", levels.measure());
        return EDIT;
    }

    private static boolean rejected(Outcome outcome, BindingResult errors) {
        switch (outcome) {
            case NAME_TAKEN -> errors.rejectValue("name", "loyalty.levels.validation.nameTaken");
            case THRESHOLD_TAKEN -> errors.rejectValue("threshold", "loyalty.levels.validation.thresholdTaken");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The typed level, or null with a message on each field that is wrong. */
    private @Nullable LevelTerms terms(LevelForm form, BindingResult errors) {
        LevelMeasure measure = levels.measure();
        int decimals = measure.points() ? 0 : Math.max(measure.currency().getDefaultFractionDigits(), 0);
        BigDecimal threshold = number(form.getThreshold());
        if (threshold == null || threshold.signum() < 0 || threshold.compareTo(MAX_THRESHOLD) > 0
                || threshold.stripTrailingZeros().scale() > decimals) {
            errors.rejectValue("threshold", measure.points() ? "loyalty.levels.validation.thresholdPoints"
                    : "loyalty.levels.validation.threshold");
        }
        BigDecimal percent = number(form.getDiscountPercent());
        if (percent == null || percent.signum() < 0 || percent.compareTo(MAX_PERCENT) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            errors.rejectValue("discountPercent", "loyalty.levels.validation.percent");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new LevelTerms(Objects.requireNonNull(form.getName()).strip(), Objects.requireNonNull(threshold),
                Objects.requireNonNull(percent));
    }

    private static @Nullable BigDecimal number(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

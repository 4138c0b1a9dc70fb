package com.micromall.distribution.policy.web;

import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's distributor tiers: what is measured, over how many days, and each tier's threshold and rates. A
 * mistake re-shows the form with what was typed; saving the same tiers again changes nothing.
 */
@Controller
@RequiredArgsConstructor
class AdminTiersController {

    static final String PATH = "/admin/distribution/tiers";

    private final DistributorTiers tiers;
    private final DistributionSettingsService settings;

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("tiersForm", TiersForm.of(tiers.scheme()));
        return page(model);
    }

    @PostMapping(PATH)
    String save(@ModelAttribute("tiersForm") TiersForm form, BindingResult errors, Authentication owner, Model model,
                RedirectAttributes redirect) {
        form.validate(errors);
        if (errors.hasErrors()) {
            form.padded();
            return page(model);
        }
        boolean changed = tiers.replace(Objects.requireNonNull(form.measure()), form.window(), form.drafts(),
                owner.getName());
        redirect.addFlashAttribute("flashSuccess", changed ? "admin.tiers.saved" : "admin.tiers.unchanged");
        return "redirect:" + PATH;
    }

    private String page(Model model) {
        DistributionSettings current = settings.current();
        model.addAttribute("adminSection", "distribution");
        model.addAttribute("distributionSection", "tiers");
        model.addAttribute("measures", DistributorTiers.Measure.values());
        model.addAttribute("level1Percent", current.level1Percent().stripTrailingZeros().toPlainString());
        model.addAttribute("level2Percent", current.level2Percent().stripTrailingZeros().toPlainString());
        model.addAttribute("levelTwoOn", current.levelTwoOn());
        return "distribution/admin-tiers";
    }
}

package com.micromall.distribution.experiments.web;

import com.micromall.distribution.experiments.ExperimentResults;
import com.micromall.distribution.experiments.Experiments;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's rate experiments: the list, the start form, each experiment's results, and ending it (adopting an
 * arm's terms in the same click). {@code /admin/**} is the owner's alone.
 */
@Controller
@RequiredArgsConstructor
class AdminExperimentsController {

    static final String PATH = "/admin/distribution/experiments";

    private final Experiments experiments;
    private final ExperimentResults results;
    private final DistributionSettingsService settings;

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("experiments", experiments.all());
        model.addAttribute("running", experiments.running().isPresent());
        return section(model, "distribution/admin-experiments");
    }

    @GetMapping(PATH + "/new")
    String form(Model model) {
        model.addAttribute("experimentForm", ExperimentForm.blank(settings.current().level1Percent()));
        return startPage(model);
    }

    @PostMapping(PATH)
    String start(@ModelAttribute("experimentForm") ExperimentForm form, BindingResult errors, Authentication owner,
                 Model model, RedirectAttributes redirect) {
        form.padded();
        form.validate(errors);
        if (errors.hasErrors()) {
            return startPage(model);
        }
        long id;
        try {
            id = experiments.start(form.command(), owner.getName());
        } catch (Experiments.AlreadyRunning e) {
            errors.reject("admin.experiments.validation.running");
            return startPage(model);
        }
        redirect.addFlashAttribute("flashSuccess", "admin.experiments.started");
        return "redirect:" + PATH + "/" + id;
    }

    @GetMapping(PATH + "/{id}")
    String results(@PathVariable long id, Model model) {
        ExperimentResults.Results found = results.of(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("results", found);
        model.addAttribute("experiment", found.experiment());
        return section(model, "distribution/admin-experiment");
    }

    /** Ends the experiment; with {@code adopt}, that arm's terms become the shop's. A second click changes nothing. */
    @PostMapping(PATH + "/{id}/end")
    String end(@PathVariable long id, @RequestParam(name = "adopt", required = false) @Nullable Long adopt,
               Authentication owner, RedirectAttributes redirect) {
        Experiments.Experiment experiment = experiments.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (adopt != null && experiment.arm(adopt).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean ended = experiments.end(id, adopt, owner.getName());
        redirect.addFlashAttribute("flashSuccess", !ended ? "admin.experiments.alreadyEnded"
                : adopt != null ? "admin.experiments.adopted" : "admin.experiments.ended");
        return "redirect:" + PATH + "/" + id;
    }

    private String startPage(Model model) {
        DistributionSettings current = settings.current();
        model.addAttribute("shopRate", current.level1Percent().stripTrailingZeros().toPlainString());
        model.addAttribute("populations", Experiments.Population.values());
        model.addAttribute("welcomeKinds", DistributionSettings.WelcomeKind.values());
        model.addAttribute("running", experiments.running().orElse(null));
        return section(model, "distribution/admin-experiment-start");
    }

    private static String section(Model model, String view) {
        model.addAttribute("adminSection", "distribution");
        model.addAttribute("distributionSection", "experiments");
        return view;
    }
}

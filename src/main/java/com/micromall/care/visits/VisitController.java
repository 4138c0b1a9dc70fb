package com.micromall.care.visits;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.shared.NotFoundException;
import java.security.Principal;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The due list of return visits for the owner and staff, and recording how one went. */
@Controller
@RequiredArgsConstructor
class VisitController {

    private final ReturnVisits visits;
    private final CustomerApi customers;

    @GetMapping("/admin/care/visits")
    String dueList(Model model) {
        return show(model, null, null);
    }

    @PostMapping("/admin/care/visits/{id:\\d{1,18}}/done")
    String done(@PathVariable long id, @ModelAttribute("doneForm") VisitDoneForm form, BindingResult errors,
                Principal who, Model model, RedirectAttributes flash) {
        visits.find(id).orElseThrow(() -> new NotFoundException("No visit " + id));
        if (!form.validate(errors) || form.getOutcome() == null) {
            return show(model, id, form);
        }
        String note = form.cleanNote();
        ReturnVisits.Marking marking = visits.markDone(id, form.getOutcome(), note.isEmpty() ? null : note,
                who.getName());
        if (marking == ReturnVisits.Marking.RECORDED) {
            flash.addFlashAttribute("flashSuccess", "care.visit.recorded");
        } else {
            flash.addFlashAttribute("flashError", "care.visit.alreadyDone");
        }
        return "redirect:/admin/care/visits";
    }

    private String show(Model model, @Nullable Long failedVisit, @Nullable VisitDoneForm failedForm) {
        ReturnVisits.DueList list = visits.dueList();
        Map<Long, String> names = customers.findAll(Stream.of(list.overdue(), list.thisWeek(), list.upcoming(),
                        list.recentlyDone()).flatMap(java.util.List::stream).map(ReturnVisits.Visit::customerId)
                        .distinct().toList())
                .stream().collect(Collectors.toMap(CustomerProfile::id, CustomerProfile::name, (a, b) -> a));
        model.addAttribute("adminSection", "visits");
        model.addAttribute("due", list);
        model.addAttribute("names", names);
        model.addAttribute("outcomes", VisitOutcome.values());
        model.addAttribute("failedVisit", failedVisit);
        model.addAttribute("doneForm", failedForm == null ? new VisitDoneForm() : failedForm);
        model.addAttribute("today", visits.today());
        return "care/visits";
    }
}

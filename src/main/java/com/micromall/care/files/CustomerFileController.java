package com.micromall.care.files;

import com.micromall.care.satisfaction.SatisfactionAnswers;
import com.micromall.care.staff.StaffAttribution;
import com.micromall.care.visits.ReturnVisits;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.CustomerSharing;
import com.micromall.order.OrderHistory;
import com.micromall.shared.NotFoundException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
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
 * A customer's file for the owner and staff: contact, tags, notes, orders and lifetime value, who invited them and
 * whom they invited, their sharing figures, their return visits, their satisfaction answers and their staff contact.
 */
@Controller
@RequiredArgsConstructor
class CustomerFileController {

    static final int INVITEES_SHOWN = 50;

    /** An invitee as the file lists them: a name to open their own file. */
    record InviteeRow(long customerId, String name, java.time.Instant boundAt, boolean hasOrdered, String how,
                      java.time.@org.jspecify.annotations.Nullable Instant protectedUntil) {
    }

    private final CustomerApi customers;
    private final OrderHistory orders;
    private final CustomerSharing sharing;
    private final CustomerNotes notes;
    private final ReturnVisits visits;
    private final SatisfactionAnswers answers;
    private final StaffAttribution staff;

    @GetMapping("/admin/customers/{id:\\d{1,18}}")
    String file(@PathVariable long id, Model model) {
        return show(id, new NoteForm(), new TagForm(), model);
    }

    @PostMapping("/admin/customers/{id:\\d{1,18}}/notes")
    String addNote(@PathVariable long id, @ModelAttribute("noteForm") NoteForm form, BindingResult errors,
                   Principal who, Model model, RedirectAttributes flash) {
        customer(id);
        if (!form.validate(errors)) {
            return show(id, form, new TagForm(), model);
        }
        boolean written = notes.addNote(id, form.cleanBody(), form.getToken(), who.getName());
        flash.addFlashAttribute("flashSuccess", written ? "care.note.added" : "care.note.alreadyAdded");
        return "redirect:/admin/customers/" + id + "#notes";
    }

    @PostMapping("/admin/customers/{id:\\d{1,18}}/tags")
    String addTag(@PathVariable long id, @ModelAttribute("tagForm") TagForm form, BindingResult errors, Principal who,
                  Model model, RedirectAttributes flash) {
        customer(id);
        var tag = form.validate(errors);
        if (tag.isEmpty()) {
            return show(id, new NoteForm(), form, model);
        }
        notes.addTag(id, tag.get(), who.getName());
        flash.addFlashAttribute("flashSuccess", "care.tag.added");
        return "redirect:/admin/customers/" + id + "#tags";
    }

    @PostMapping("/admin/customers/{id:\\d{1,18}}/tags/remove")
    String removeTag(@PathVariable long id, @RequestParam String tag, RedirectAttributes flash) {
        customer(id);
        notes.removeTag(id, tag);
        flash.addFlashAttribute("flashSuccess", "care.tag.removed");
        return "redirect:/admin/customers/" + id + "#tags";
    }

    private String show(long id, NoteForm noteForm, TagForm tagForm, Model model) {
        CustomerProfile customer = customer(id);
        model.addAttribute("adminSection", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("addresses", customers.addressesOf(id));
        model.addAttribute("tags", notes.tagsOf(id));
        model.addAttribute("notes", notes.notesOf(id));
        model.addAttribute("noteForm", noteForm);
        model.addAttribute("tagForm", tagForm);
        model.addAttribute("orders", orders.ordersOf(id));
        model.addAttribute("lifetimeValue", orders.lifetimeValueOf(id));
        Optional<CustomerSharing.Inviter> invitation = sharing.invitationOf(id);
        model.addAttribute("inviter", invitation.flatMap(i -> customers.find(i.inviterId())).orElse(null));
        model.addAttribute("invitedHow", invitation.orElse(null));
        List<CustomerSharing.Invitee> invitees = sharing.inviteesOf(id, INVITEES_SHOWN);
        Map<Long, String> names = customers.findAll(invitees.stream().map(CustomerSharing.Invitee::customerId).toList())
                .stream().collect(Collectors.toMap(CustomerProfile::id, CustomerProfile::name, (a, b) -> a));
        model.addAttribute("invitees", invitees.stream().map(i -> new InviteeRow(i.customerId(),
                names.getOrDefault(i.customerId(), "#" + i.customerId()), i.boundAt(), i.hasOrdered(), i.how(),
                i.protectedUntil())).toList());
        model.addAttribute("sharing", sharing.figuresOf(id));
        model.addAttribute("visits", visits.visitsOf(id));
        model.addAttribute("answers", answers.answersOf(id));
        model.addAttribute("staffContact", staff.contactOf(id).orElse(null));
        return "care/file";
    }

    private CustomerProfile customer(long id) {
        return customers.find(id).orElseThrow(() -> new NotFoundException("No customer " + id));
    }
}

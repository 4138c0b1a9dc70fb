package com.micromall.distribution.oversight.web;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.oversight.Reconciliation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The owner's check of the books: balanced with the shop's totals, or each distributor whose figures differ. */
@Controller
@RequiredArgsConstructor
class AdminReconciliationController {

    private final Reconciliation reconciliation;
    private final CustomerApi customers;

    /** A distributor whose figures differ, with the name and e-mail the owner knows them by. */
    record UnbalancedLine(Reconciliation.Unbalanced unbalanced, String name, String email) {
    }

    @GetMapping("/admin/distribution/reconciliation")
    String reconciliation(Model model) {
        Reconciliation.Result result = reconciliation.check();
        Map<Long, CustomerProfile> people = customers.findAll(result.unbalanced().stream()
                        .map(Reconciliation.Unbalanced::distributorId).toList()).stream()
                .collect(Collectors.toMap(CustomerProfile::id, Function.identity()));
        List<UnbalancedLine> lines = result.unbalanced().stream().map(u -> {
            CustomerProfile who = people.get(u.distributorId());
            return new UnbalancedLine(u, who == null ? "#" + u.distributorId() : who.name(),
                    who == null ? "" : who.email());
        }).toList();
        model.addAttribute("adminSection", "distribution");
        model.addAttribute("distributionSection", "reconciliation");
        model.addAttribute("result", result);
        model.addAttribute("books", result.shop());
        model.addAttribute("lines", lines);
        return "distribution/admin-reconciliation";
    }
}

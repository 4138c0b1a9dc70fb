package com.micromall.care.visits;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.shared.NotFoundException;
import java.security.Principal;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner sets a product's return-visit plan here, reached from the product form. It lives outside
 * {@code /admin/care} because a plan is the owner's product setting, not staff work.
 */
@Controller
@RequiredArgsConstructor
class VisitPlanController {

    private final ProductApi products;
    private final VisitPlans plans;

    @GetMapping("/admin/visit-plans/{productId:\\d{1,18}}")
    String plan(@PathVariable long productId, Model model) {
        ProductSummary product = product(productId);
        VisitPlanForm form = plans.planOf(productId).map(VisitPlanForm::of).orElseGet(VisitPlanForm::new);
        return show(product, form, plans.planOf(productId).isPresent(), model);
    }

    @PostMapping("/admin/visit-plans/{productId:\\d{1,18}}")
    String save(@PathVariable long productId, @ModelAttribute("planForm") VisitPlanForm form, BindingResult errors,
                Principal who, Model model, RedirectAttributes flash) {
        ProductSummary product = product(productId);
        if (!form.validate(errors)) {
            return show(product, form, plans.planOf(productId).isPresent(), model);
        }
        plans.save(form.plan(productId), who.getName());
        flash.addFlashAttribute("flashSuccess", "care.plan.saved");
        return "redirect:/admin/visit-plans/" + productId;
    }

    @PostMapping("/admin/visit-plans/{productId:\\d{1,18}}/remove")
    String remove(@PathVariable long productId, RedirectAttributes flash) {
        product(productId);
        plans.remove(productId);
        flash.addFlashAttribute("flashSuccess", "care.plan.removed");
        return "redirect:/admin/visit-plans/" + productId;
    }

    private String show(ProductSummary product, VisitPlanForm form, boolean hasPlan, Model model) {
        model.addAttribute("adminSection", "products");
        model.addAttribute("product", product);
        model.addAttribute("planForm", form);
        model.addAttribute("hasPlan", hasPlan);
        return "care/visit-plan";
    }

    private ProductSummary product(long productId) {
        return products.find(productId).orElseThrow(() -> new NotFoundException("No product " + productId));
    }
}

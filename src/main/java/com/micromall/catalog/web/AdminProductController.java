package com.micromall.catalog.web;

import com.micromall.catalog.CommissionShareCheck;
import com.micromall.catalog.internal.CatalogLanguage;
import com.micromall.catalog.internal.CategoryView;
import com.micromall.catalog.internal.ImageRejectedException;
import com.micromall.catalog.internal.ProductAdministration;
import com.micromall.catalog.internal.ProductDraft;
import com.micromall.catalog.internal.StockAdjustmentRefusedException;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's product pages: list, create, edit, archive, pictures and categories. */
@Controller
@RequiredArgsConstructor
class AdminProductController {

    private final ProductAdministration administration;
    private final ShopSettingsService settings;
    private final ObjectProvider<CommissionShareCheck> shareChecks;

    @ModelAttribute("adminSection")
    String adminSection() {
        return "products";
    }

    @ModelAttribute("catalogLanguages")
    CatalogLanguage[] catalogLanguages() {
        return CatalogLanguage.values();
    }

    @GetMapping("/admin/products")
    String list(@RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable String archived, Model model) {
        return list(q, "true".equals(archived), new CategoryForm(), model);
    }

    private String list(@Nullable String q, boolean withArchived, CategoryForm categoryForm, Model model) {
        model.addAttribute("products", administration.list(q, withArchived));
        model.addAttribute("query", q == null ? "" : q.strip());
        model.addAttribute("withArchived", withArchived);
        model.addAttribute("categories", administration.categories());
        model.addAttribute("categoryForm", categoryForm);
        return "catalog/admin/products";
    }

    @GetMapping("/admin/products/new")
    String newProduct(Model model) {
        return form(new ProductForm(), null, model);
    }

    @PostMapping("/admin/products")
    String create(@ModelAttribute("productForm") ProductForm form, BindingResult errors, Principal owner,
                  Model model, RedirectAttributes redirect) {
        ProductDraft draft = validate(form, errors);
        if (draft == null || needsPayoutConfirmation(form, draft, null, model)) {
            return form(form, null, model);
        }
        long id = administration.create(draft, form.translations(), owner.getName());
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.saved");
        return "redirect:/admin/products/" + id + "/edit";
    }

    @GetMapping("/admin/products/{id}/edit")
    String edit(@PathVariable String id, @RequestParam(required = false) @Nullable String upload, Model model) {
        long productId = Ids.parse(id);
        if ("tooLarge".equals(upload)) {
            model.addAttribute("imageError", "catalog.admin.image.tooLarge");
        }
        return form(ProductForm.of(administration.draftOf(productId), administration.translationsOf(productId)), productId, model);
    }

    @PostMapping("/admin/products/{id}")
    String update(@PathVariable String id, @ModelAttribute("productForm") ProductForm form, BindingResult errors,
                  Principal owner, Model model, RedirectAttributes redirect) {
        long productId = Ids.parse(id);
        ProductDraft draft = validate(form, errors);
        if (draft == null || needsPayoutConfirmation(form, draft, productId, model)) {
            return form(form, productId, model);
        }
        try {
            administration.update(productId, draft, form.translations(), form.loadedStock(), owner.getName());
        } catch (StockAdjustmentRefusedException e) {
            form.restartStockFrom(e.currentStock());
            errors.rejectValue("stock", "catalog.form.stock.movedBelowZero", new Object[] {e.currentStock()}, null);
            return form(form, productId, model);
        }
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.saved");
        return "redirect:/admin/products/" + productId + "/edit";
    }

    @PostMapping("/admin/products/{id}/archive")
    String archive(@PathVariable String id, Principal owner, RedirectAttributes redirect) {
        long productId = Ids.parse(id);
        if (!administration.isArchived(productId)) {
            administration.archive(productId, owner.getName());
        }
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.archived");
        return "redirect:/admin/products/" + productId + "/edit";
    }

    @PostMapping("/admin/products/{id}/unarchive")
    String unarchive(@PathVariable String id, Principal owner, RedirectAttributes redirect) {
        long productId = Ids.parse(id);
        if (administration.isArchived(productId)) {
            administration.unarchive(productId, owner.getName());
        }
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.unarchived");
        return "redirect:/admin/products/" + productId + "/edit";
    }

    @PostMapping("/admin/products/{id}/images")
    String upload(@PathVariable String id, @RequestParam(required = false) @Nullable MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        long productId = Ids.parse(id);
        try {
            administration.addImage(productId, file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("flashSuccess", "catalog.admin.image.added");
        } catch (ImageRejectedException e) {
            redirect.addFlashAttribute("imageError", e.messageKey());
        }
        return "redirect:/admin/products/" + productId + "/edit#pictures";
    }

    @PostMapping("/admin/products/{id}/images/{imageId}/delete")
    String deleteImage(@PathVariable String id, @PathVariable String imageId, RedirectAttributes redirect) {
        long productId = Ids.parse(id);
        administration.deleteImage(productId, Ids.parse(imageId));
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.image.deleted");
        return "redirect:/admin/products/" + productId + "/edit#pictures";
    }

    /** A new category; on a mistake the list is shown again with the owner's input and the message next to it. */
    @PostMapping("/admin/categories")
    String createCategory(@ModelAttribute("categoryForm") CategoryForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect) {
        if (!form.validate(errors)) {
            return list(null, false, form, model);
        }
        CategoryView created = administration.createCategory(form.cleanName(), form.translatedNames());
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.category.created");
        redirect.addFlashAttribute("flashArgs", new Object[] {created.name()});
        return "redirect:/admin/products";
    }

    @GetMapping("/admin/categories/{id}/edit")
    String editCategory(@PathVariable String id, Model model) {
        long categoryId = Ids.parse(id);
        return categoryForm(CategoryForm.of(category(categoryId).name(),
                administration.categoryTranslationsOf(categoryId)), categoryId, model);
    }

    /** The category's names in other languages (its main name and link stay as they are). */
    @PostMapping("/admin/categories/{id}")
    String translateCategory(@PathVariable String id, @ModelAttribute("categoryForm") CategoryForm form,
                             BindingResult errors, Model model, RedirectAttributes redirect) {
        long categoryId = Ids.parse(id);
        form.setName(category(categoryId).name());
        if (!form.validate(errors)) {
            return categoryForm(form, categoryId, model);
        }
        administration.translateCategory(categoryId, form.translatedNames());
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.category.saved");
        return "redirect:/admin/products#categories";
    }

    private CategoryView category(long categoryId) {
        return administration.categories().stream().filter(c -> c.id() == categoryId).findFirst()
                .orElseThrow(() -> new NotFoundException("no category " + categoryId));
    }

    private String categoryForm(CategoryForm form, long categoryId, Model model) {
        model.addAttribute("categoryForm", form);
        model.addAttribute("categoryId", categoryId);
        return "catalog/admin/category-form";
    }

    private @Nullable ProductDraft validate(ProductForm form, BindingResult errors) {
        ProductDraft draft = form.validate(settings.current().currency(), errors);
        if (draft != null && draft.categoryId() != null
                && administration.categories().stream().noneMatch(c -> c.id() == draft.categoryId())) {
            errors.rejectValue("categoryId", "catalog.form.category.invalid");
            return null;
        }
        return draft;
    }

    /**
     * A new override or price whose commission would be a large share of the price is saved only once the owner
     * confirmed it; unchanged rates and price were accepted before and are not asked about again.
     */
    private boolean needsPayoutConfirmation(ProductForm form, ProductDraft draft, @Nullable Long productId, Model model) {
        if (form.isPayoutConfirmed() || (draft.commissionPercent() == null && draft.commissionFixedAmount() == null)) {
            return false;
        }
        if (productId != null) {
            ProductDraft stored = administration.draftOf(productId);
            if (same(stored.price(), draft.price()) && same(stored.commissionPercent(), draft.commissionPercent())
                    && same(stored.commissionFixedAmount(), draft.commissionFixedAmount())) {
                return false;
            }
        }
        Money price = Money.of(draft.price(), settings.current().currency());
        List<MessageSourceResolvable> warnings = shareChecks.orderedStream()
                .flatMap(check -> check.warnings(draft.name(), price, draft.commissionPercent(),
                        draft.commissionFixedAmount()).stream())
                .toList();
        if (warnings.isEmpty()) {
            return false;
        }
        model.addAttribute("payoutWarnings", warnings);
        return true;
    }

    private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    private String form(ProductForm form, @Nullable Long productId, Model model) {
        model.addAttribute("productForm", form);
        model.addAttribute("productId", productId);
        model.addAttribute("categories", administration.categories());
        model.addAttribute("currency", settings.current().currency().getCurrencyCode());
        if (productId != null) {
            model.addAttribute("archived", administration.isArchived(productId));
            model.addAttribute("imageIds", administration.imageIds(productId));
        }
        return "catalog/admin/product-form";
    }
}

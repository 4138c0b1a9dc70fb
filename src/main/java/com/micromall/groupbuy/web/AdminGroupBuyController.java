package com.micromall.groupbuy.web;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.groupbuy.GroupBuyException;
import com.micromall.groupbuy.GroupBuying;
import com.micromall.groupbuy.GroupOfferTerms;
import com.micromall.groupbuy.GroupOffers;
import com.micromall.groupbuy.OnExpiry;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's group buys: each product's "buy together" terms, and the latest groups with their members. */
@Controller
@RequestMapping("/admin/group-buys")
@RequiredArgsConstructor
class AdminGroupBuyController {

    private final GroupOffers offers;
    private final GroupBuying groupBuying;
    private final ProductApi products;
    private final ShopSettingsService settings;

    @ModelAttribute("adminSection")
    String adminSection() {
        return "group-buys";
    }

    @GetMapping
    String list(@RequestParam(name = "product", required = false) @Nullable Long productId, Model model) {
        GroupOfferForm form = new GroupOfferForm();
        if (productId != null) {
            form.setProductId(productId);
            offers.of(productId).ifPresent(terms -> {
                form.setEnabled(terms.enabled());
                form.setGroupSize(String.valueOf(terms.groupSize()));
                form.setGroupPrice(terms.groupPrice().amount().toPlainString());
                form.setTimeLimitHours(String.valueOf(terms.timeLimitHours()));
                form.setOnExpiry(terms.onExpiry().name());
            });
        }
        return page(form, model);
    }

    @PostMapping
    String save(@ModelAttribute("offerForm") GroupOfferForm form, BindingResult errors, Principal owner, Model model,
                RedirectAttributes flash) {
        GroupOfferTerms terms = validate(form, errors);
        if (terms == null) {
            return page(form, model);
        }
        try {
            offers.save(terms, owner.getName());
        } catch (GroupBuyException e) {
            if (!e.messageKey().equals("groupbuy.admin.error.concurrent")) {
                errors.reject(e.messageKey(), e.args(), null);
                return page(form, model);
            }
        }
        flash.addFlashAttribute("flashSuccess", "groupbuy.admin.saved");
        return "redirect:/admin/group-buys";
    }

    private @Nullable GroupOfferTerms validate(GroupOfferForm form, BindingResult errors) {
        if (form.getProductId() == null || products.find(form.getProductId()).filter(ProductSummary::onSale).isEmpty()) {
            errors.rejectValue("productId", "groupbuy.admin.error.product");
        }
        Integer size = number(form.getGroupSize());
        if (size == null || size < GroupOfferTerms.MIN_SIZE || size > GroupOfferTerms.MAX_SIZE) {
            errors.rejectValue("groupSize", "groupbuy.admin.error.size",
                    new Object[] {GroupOfferTerms.MIN_SIZE, GroupOfferTerms.MAX_SIZE}, null);
        }
        Integer hours = number(form.getTimeLimitHours());
        if (hours == null || hours < 1 || hours > GroupOfferTerms.MAX_HOURS) {
            errors.rejectValue("timeLimitHours", "groupbuy.admin.error.hours",
                    new Object[] {GroupOfferTerms.MAX_HOURS}, null);
        }
        BigDecimal price = null;
        try {
            price = new BigDecimal(form.getGroupPrice().strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (price == null || price.signum() <= 0 || price.scale() > 2 || price.precision() - price.scale() > 15) {
            errors.rejectValue("groupPrice", "groupbuy.admin.error.price");
            price = null;
        }
        OnExpiry onExpiry = Arrays.stream(OnExpiry.values()).filter(v -> v.name().equals(form.getOnExpiry()))
                .findFirst().orElse(null);
        if (onExpiry == null) {
            errors.rejectValue("onExpiry", "groupbuy.admin.error.onExpiry");
        }
        if (errors.hasErrors() || size == null || hours == null || price == null || onExpiry == null
                || form.getProductId() == null) {
            return null;
        }
        return new GroupOfferTerms(form.getProductId(), form.isEnabled(), size,
                Money.of(price, settings.current().currency()), hours, onExpiry);
    }

    private static @Nullable Integer number(String text) {
        return text.strip().matches("\\d{1,4}") ? Integer.valueOf(text.strip()) : null;
    }

    private String page(GroupOfferForm form, Model model) {
        List<ProductSummary> onSale = products.onSaleByName();
        List<GroupOfferTerms> all = offers.all();
        Map<Long, ProductSummary> byId = products.findAll(all.stream().map(GroupOfferTerms::productId).toList())
                .stream().collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        model.addAttribute("offerForm", form);
        model.addAttribute("productsOnSale", onSale);
        model.addAttribute("offers", all);
        model.addAttribute("productsById", byId);
        model.addAttribute("groups", groupBuying.latestGroups());
        return "groupbuy/admin";
    }
}

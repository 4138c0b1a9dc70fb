package com.micromall.loyalty.vouchers.web;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.loyalty.vouchers.NewVoucherTemplate;
import com.micromall.loyalty.vouchers.BirthdayVouchers;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.loyalty.vouchers.VoucherIssuing.IssueResult;
import com.micromall.loyalty.vouchers.VoucherIssuing.TemplateWithFigures;
import com.micromall.loyalty.vouchers.VoucherTemplate;
import com.micromall.settings.ShopSettingsService;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.HttpStatus;

/** The owner's voucher templates: the list with their figures, a new template, and issuing one to customers. */
@Controller
@RequestMapping("/admin/loyalty/vouchers")
@RequiredArgsConstructor
class AdminVoucherController {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final VoucherIssuing vouchers;
    private final BirthdayVouchers birthdays;
    private final ProductApi products;
    private final ShopSettingsService settings;

    @ModelAttribute("adminSection")
    String adminSection() {
        return "vouchers";
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", vouchers.templates());
        return "loyalty/admin-vouchers";
    }

    @GetMapping("/new")
    String newTemplate(Model model) {
        return form(new VoucherTemplateForm(), model);
    }

    @PostMapping
    String create(@ModelAttribute("templateForm") VoucherTemplateForm form, BindingResult errors, Model model,
                  RedirectAttributes flash) {
        NewVoucherTemplate template = validate(form, errors);
        if (errors.hasErrors() || template == null) {
            return form(form, model);
        }
        long id = vouchers.create(template);
        flash.addFlashAttribute("flashSuccess", "loyalty.voucher.admin.created");
        return "redirect:/admin/loyalty/vouchers/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return page(find(id), VoucherIssueForm.fresh(), model);
    }

    @PostMapping("/{id}/issue")
    String issueByEmail(@PathVariable long id, @ModelAttribute("issueForm") VoucherIssueForm form, BindingResult errors,
                        Model model, RedirectAttributes flash) {
        TemplateWithFigures template = find(id);
        List<String> emails = Arrays.stream(form.getEmails().split("[\\s,;]+")).map(String::strip)
                .filter(e -> !e.isEmpty()).map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        if (emails.isEmpty()) {
            errors.rejectValue("emails", "loyalty.voucher.validation.emails");
        } else if (emails.size() > VoucherIssuing.MAX_EMAILS) {
            errors.rejectValue("emails", "loyalty.voucher.validation.tooManyEmails",
                    new Object[] {VoucherIssuing.MAX_EMAILS}, null);
        }
        checkToken(form, errors);
        if (errors.hasErrors()) {
            return page(template, form, model);
        }
        return issued(id, vouchers.issueByEmail(id, emails, form.getToken()), flash);
    }

    @PostMapping("/{id}/issue-by-last-order")
    String issueByLastOrder(@PathVariable long id, @ModelAttribute("issueForm") VoucherIssueForm form,
                            BindingResult errors, Model model, RedirectAttributes flash) {
        TemplateWithFigures template = find(id);
        LocalDate since = date(form.getSince());
        if (since == null) {
            errors.rejectValue("since", "loyalty.voucher.validation.date");
        }
        if (!List.of("ORDERED_SINCE", "NOT_SINCE").contains(form.getLastOrder())) {
            errors.rejectValue("lastOrder", "loyalty.voucher.validation.lastOrder");
        }
        checkToken(form, errors);
        if (errors.hasErrors() || since == null) {
            return page(template, form, model);
        }
        Instant from = since.atStartOfDay(zone()).toInstant();
        return issued(id, vouchers.issueByLastOrder(id, from, form.getLastOrder().equals("ORDERED_SINCE"), form.getToken()),
                flash);
    }

    @PostMapping("/{id}/issue-to-group")
    String issueToGroup(@PathVariable long id, @ModelAttribute("issueForm") VoucherIssueForm form, BindingResult errors,
                        Model model, RedirectAttributes flash) {
        TemplateWithFigures template = find(id);
        VoucherIssuing.Group group = group(form.getGroup());
        if (group == null) {
            errors.rejectValue("group", "loyalty.voucher.validation.group");
        }
        checkToken(form, errors);
        if (errors.hasErrors() || group == null) {
            return page(template, form, model);
        }
        return issued(id, vouchers.issueTo(id, group, form.getToken()), flash);
    }

    /**
     * Makes the template the birthday gift of everyone ("all"), of one level's members ("level:&lt;id&gt;") or of
     * nobody (""). The wanted state is in the form, so sending it twice leaves it as the first time.
     */
    @PostMapping("/{id}/birthday")
    String birthday(@PathVariable long id, @RequestParam(defaultValue = "") String birthday, Principal owner,
                    RedirectAttributes flash) {
        find(id);
        VoucherIssuing.Group level = birthday.startsWith("level:") ? group(birthday) : null;
        if (!birthday.isEmpty() && !birthday.equals("all") && level == null) {
            flash.addFlashAttribute("flashError", "loyalty.voucher.validation.birthday");
            return "redirect:/admin/loyalty/vouchers/" + id + "#birthday-gift";
        }
        birthdays.setGift(id, birthday.equals("all"), level == null ? null : ((VoucherIssuing.OnLevel) level).levelId(),
                owner.getName());
        flash.addFlashAttribute("flashSuccess", "loyalty.voucher.admin.birthdaySaved");
        return "redirect:/admin/loyalty/vouchers/" + id + "#birthday-gift";
    }

    /** A tag in use or an existing level, as the form's select offers them; null for anything else. */
    private VoucherIssuing.@Nullable Group group(String chosen) {
        if (chosen.startsWith("tag:") && vouchers.tags().contains(chosen.substring(4))) {
            return new VoucherIssuing.Tagged(chosen.substring(4));
        }
        if (chosen.startsWith("level:")) {
            String id = chosen.substring(6);
            return vouchers.levels().stream().filter(level -> Long.toString(level.id()).equals(id)).findFirst()
                    .map(level -> (VoucherIssuing.Group) new VoucherIssuing.OnLevel(level.id())).orElse(null);
        }
        return null;
    }

    /** The token the page gave the form; a form without one (or a forged one) gives nothing. */
    private static void checkToken(VoucherIssueForm form, BindingResult errors) {
        try {
            java.util.UUID.fromString(form.getToken());
        } catch (IllegalArgumentException e) {
            errors.reject("loyalty.voucher.validation.token");
            form.setToken(java.util.UUID.randomUUID().toString());
        }
    }

    /**
     * Switches the template off (no longer issued in any way) or on again. The wanted state is in the form, so the
     * same form sent twice leaves it as the first one did.
     */
    @PostMapping("/{id}/active")
    String switchTemplate(@PathVariable long id, @RequestParam boolean active, Principal owner,
                          RedirectAttributes flash) {
        find(id);
        vouchers.switchTemplate(id, active, owner.getName());
        flash.addFlashAttribute("flashSuccess", active ? "loyalty.voucher.admin.switchedOn"
                : "loyalty.voucher.admin.switchedOff");
        return "redirect:/admin/loyalty/vouchers/" + id;
    }

    private String issued(long id, IssueResult result, RedirectAttributes flash) {
        if (result.switchedOff()) {
            flash.addFlashAttribute("flashError", "loyalty.voucher.admin.issueSwitchedOff");
        } else if (result.templateEnded()) {
            flash.addFlashAttribute("flashError", "loyalty.voucher.admin.ended");
        } else {
            // Plain values: flash attributes live in the (JDBC) session, which stores only serializable ones.
            flash.addFlashAttribute("issuedCount", result.issued());
            flash.addFlashAttribute("atLimitCount", result.atLimit());
            flash.addFlashAttribute("alreadyGivenCount", result.alreadyGiven());
            flash.addFlashAttribute("unknownEmails", String.join(", ", result.unknownEmails()));
        }
        return "redirect:/admin/loyalty/vouchers/" + id;
    }

    private TemplateWithFigures find(long id) {
        return vouchers.template(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(TemplateWithFigures template, VoucherIssueForm form, Model model) {
        model.addAttribute("entry", template);
        model.addAttribute("issueForm", form);
        model.addAttribute("tags", vouchers.tags());
        model.addAttribute("levels", vouchers.levels());
        model.addAttribute("birthdayGift", birthdays.giftOf(template.template().id())
                .map(gift -> gift.levelId() == null ? "all" : "level:" + gift.levelId()).orElse(""));
        model.addAttribute("targetNames", targetNames(template.template()));
        model.addAttribute("zone", zone());
        return "loyalty/admin-voucher";
    }

    /** The names of the categories or products a template is limited to, for its page. */
    private List<String> targetNames(VoucherTemplate template) {
        return switch (template.scope()) {
            case ALL -> List.of();
            case CATEGORIES -> products.categories().stream().filter(c -> template.targets().contains(c.id()))
                    .map(ProductApi.CategoryName::name).toList();
            case PRODUCTS -> products.findAll(template.targets()).stream().map(ProductSummary::name).toList();
        };
    }

    private String form(VoucherTemplateForm form, Model model) {
        model.addAttribute("templateForm", form);
        model.addAttribute("categories", products.categories());
        model.addAttribute("products", products.onSaleByName());
        model.addAttribute("currency", settings.current().currency().getCurrencyCode());
        return "loyalty/admin-voucher-form";
    }

    /** Checks the form field by field; the template to create when all is well. */
    private @Nullable NewVoucherTemplate validate(VoucherTemplateForm form, BindingResult errors) {
        String name = form.getName().strip();
        if (name.isEmpty()) {
            errors.rejectValue("name", "loyalty.voucher.validation.name");
        } else if (name.length() > 80) {
            errors.rejectValue("name", "loyalty.voucher.validation.tooLong", new Object[] {80}, null);
        }
        VoucherTemplate.Kind kind = form.getKind().equals("PERCENT") ? VoucherTemplate.Kind.PERCENT
                : form.getKind().equals("FIXED") ? VoucherTemplate.Kind.FIXED : null;
        if (kind == null) {
            errors.rejectValue("kind", "loyalty.voucher.validation.kind");
        }
        BigDecimal value = decimal(form.getValue());
        if (value == null || value.signum() <= 0 || value.scale() > 2) {
            errors.rejectValue("value", "loyalty.voucher.validation.value");
        } else if (kind == VoucherTemplate.Kind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.rejectValue("value", "loyalty.voucher.validation.percent");
        } else if (value.compareTo(MAX_AMOUNT) > 0) {
            errors.rejectValue("value", "loyalty.voucher.validation.value");
        }
        BigDecimal maxDiscount = null;
        if (!form.getMaxDiscount().isBlank()) {
            maxDiscount = decimal(form.getMaxDiscount());
            if (kind != VoucherTemplate.Kind.PERCENT) {
                errors.rejectValue("maxDiscount", "loyalty.voucher.validation.maxDiscountPercentOnly");
            } else if (maxDiscount == null || maxDiscount.signum() <= 0 || maxDiscount.scale() > 2
                    || maxDiscount.compareTo(MAX_AMOUNT) > 0) {
                errors.rejectValue("maxDiscount", "loyalty.voucher.validation.maxDiscount");
            }
        }
        BigDecimal minSpend = form.getMinSpend().isBlank() ? BigDecimal.ZERO : decimal(form.getMinSpend());
        if (minSpend == null || minSpend.signum() < 0 || minSpend.scale() > 2 || minSpend.compareTo(MAX_AMOUNT) > 0) {
            errors.rejectValue("minSpend", "loyalty.voucher.validation.minSpend");
        }
        Integer days = null;
        Instant from = null;
        Instant until = null;
        if (form.getValidity().equals("DAYS")) {
            days = integer(form.getValidDays());
            if (days == null || days < 1 || days > 3650) {
                errors.rejectValue("validDays", "loyalty.voucher.validation.days");
            }
        } else if (form.getValidity().equals("DATES")) {
            LocalDate start = form.getValidFrom().isBlank() ? null : date(form.getValidFrom());
            LocalDate end = date(form.getValidUntil());
            if (!form.getValidFrom().isBlank() && start == null) {
                errors.rejectValue("validFrom", "loyalty.voucher.validation.date");
            }
            if (end == null) {
                errors.rejectValue("validUntil", "loyalty.voucher.validation.date");
            } else if (start != null && end.isBefore(start)) {
                errors.rejectValue("validUntil", "loyalty.voucher.validation.untilBeforeFrom");
            } else if (end.isBefore(LocalDate.now(zone()))) {
                errors.rejectValue("validUntil", "loyalty.voucher.validation.untilPast");
            }
            from = start == null ? null : start.atStartOfDay(zone()).toInstant();
            // The end date is included: valid until the start of the next day.
            until = end == null ? null : end.plusDays(1).atStartOfDay(zone()).toInstant();
        } else {
            errors.rejectValue("validity", "loyalty.voucher.validation.validity");
        }
        Integer limit = integer(form.getPerCustomerLimit());
        if (limit == null || limit < 1 || limit > 100) {
            errors.rejectValue("perCustomerLimit", "loyalty.voucher.validation.limit");
        }
        VoucherTemplate.Scope scope = switch (form.getScope()) {
            case "ALL" -> VoucherTemplate.Scope.ALL;
            case "CATEGORIES" -> VoucherTemplate.Scope.CATEGORIES;
            case "PRODUCTS" -> VoucherTemplate.Scope.PRODUCTS;
            default -> null;
        };
        Set<Long> targets = new LinkedHashSet<>();
        if (scope == null) {
            errors.rejectValue("scope", "loyalty.voucher.validation.scope");
        } else if (scope == VoucherTemplate.Scope.CATEGORIES) {
            Set<Long> known = new HashSet<>(products.categories().stream().map(ProductApi.CategoryName::id).toList());
            form.getCategoryIds().stream().filter(known::contains).forEach(targets::add);
            if (targets.isEmpty()) {
                errors.rejectValue("categoryIds", "loyalty.voucher.validation.categories");
            }
        } else if (scope == VoucherTemplate.Scope.PRODUCTS) {
            products.findAll(form.getProductIds()).forEach(p -> targets.add(p.id()));
            if (targets.isEmpty()) {
                errors.rejectValue("productIds", "loyalty.voucher.validation.products");
            }
        }
        if (errors.hasErrors() || kind == null || value == null || minSpend == null || limit == null || scope == null) {
            return null;
        }
        return new NewVoucherTemplate(name, kind, kind == VoucherTemplate.Kind.FIXED ? value : null,
                kind == VoucherTemplate.Kind.PERCENT ? value : null, minSpend, settings.current().currency(), from, until,
                days, limit, scope, targets, form.isCombinesWithWelcome(), form.isOnRegistration(), form.isReferralReward(),
                maxDiscount);
    }

    private ZoneId zone() {
        return settings.current().timeZone();
    }

    private static @Nullable BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

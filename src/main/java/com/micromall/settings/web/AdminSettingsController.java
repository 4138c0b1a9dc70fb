package com.micromall.settings.web;

import com.micromall.settings.AuditLog;
import com.micromall.settings.CurrencyChangeCheck;
import com.micromall.settings.CurrencyChangeRefused;
import com.micromall.settings.PaymentInstructions;
import com.micromall.settings.PaymentInstructionsChange;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's shop settings page and the audit log of every change. */
@Controller
@RequiredArgsConstructor
class AdminSettingsController {

    static final int AUDIT_LINES = 200;

    private final ShopSettingsService settings;
    private final AuditLog auditLog;
    private final PaymentInstructionsService paymentInstructions;
    private final AuditLines auditLines;
    private final Clock clock;

    @GetMapping("/admin/settings")
    String form(Model model) {
        return page(model.addAttribute("shopSettingsForm", shopForm()));
    }

    private ShopSettingsForm shopForm() {
        ShopSettings current = settings.current();
        ShopSettingsForm form = new ShopSettingsForm();
        form.setShopName(current.shopName());
        form.setCurrency(current.currency().getCurrencyCode());
        form.setContactEmail(current.contactEmail());
        form.setContactPhone(current.contactPhone());
        form.setShippingFee(current.shippingFee().amount().toPlainString());
        form.setTimeZone(current.chosenTimeZone() == null ? "" : current.chosenTimeZone().getId());
        return form;
    }

    @PostMapping("/admin/settings")
    String save(@Valid @ModelAttribute("shopSettingsForm") ShopSettingsForm form, BindingResult errors, Model model,
                Authentication owner, RedirectAttributes redirect) {
        BigDecimal fee = null;
        if (!errors.hasFieldErrors("shippingFee") && !errors.hasFieldErrors("currency")) {
            fee = new BigDecimal(required(form.getShippingFee()).strip().replace(',', '.'));
            Currency currency = Currency.getInstance(required(form.getCurrency()));
            if (fee.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
                errors.rejectValue("shippingFee", "settings.validation.shippingFee.scale",
                        new Object[] {currency.getCurrencyCode(), currency.getDefaultFractionDigits()}, null);
            }
        }
        if (!errors.hasFieldErrors("currency")) {
            Currency target = Currency.getInstance(required(form.getCurrency()));
            refuseCurrency(target, settings.problemsSwitchingTo(target), errors);
        }
        ZoneId timeZone = null;
        if (!errors.hasFieldErrors("timeZone") && form.getTimeZone() != null && !form.getTimeZone().isBlank()) {
            if (ZoneId.getAvailableZoneIds().contains(form.getTimeZone().strip())) {
                timeZone = ZoneId.of(form.getTimeZone().strip());
            } else {
                errors.rejectValue("timeZone", "settings.validation.timeZone.unknown");
            }
        }
        if (errors.hasErrors()) {
            return page(model);
        }
        Currency currency = Currency.getInstance(required(form.getCurrency()));
        try {
            settings.update(new ShopSettingsChange(required(form.getShopName()), currency, form.getContactEmail(),
                    form.getContactPhone(), Objects.requireNonNull(fee).stripTrailingZeros(), timeZone),
                    owner.getName());
        } catch (CurrencyChangeRefused refused) {
            refuseCurrency(refused.getTarget(), refused.getProblems(), errors);
            return page(model);
        }
        redirect.addFlashAttribute("flashSuccess", "settings.shop.saved");
        return "redirect:/admin/settings";
    }

    @PostMapping("/admin/settings/payment")
    String savePayment(@ModelAttribute("paymentInstructionsForm") PaymentInstructionsForm form, BindingResult errors,
                       Model model, Authentication owner, RedirectAttributes redirect) throws IOException {
        Map<String, PaymentInstructions> known = paymentInstructions.all().stream()
                .collect(Collectors.toMap(PaymentInstructions::method, Function.identity()));
        List<PaymentInstructionsChange> changes = new ArrayList<>();
        for (int i = 0; i < form.getMethods().size(); i++) {
            PaymentInstructionsForm.Entry entry = form.getMethods().get(i);
            String field = "methods[" + i + "]";
            if (entry.getMethod() == null || !known.containsKey(entry.getMethod())) {
                errors.reject("payinfo.validation.unknownMethod");
                continue;
            }
            String text = entry.getText() == null ? null : entry.getText().replace("\r\n", "\n");
            entry.setText(text);
            if (text != null && text.strip().length() > PaymentInstructions.MAX_TEXT_LENGTH) {
                errors.rejectValue(field + ".text", "payinfo.validation.textTooLong",
                        new Object[] {PaymentInstructions.MAX_TEXT_LENGTH}, null);
            }
            byte[] qr = null;
            MultipartFile upload = entry.getQrImage();
            if (upload != null && !upload.isEmpty()) {
                qr = upload.getBytes();
                if (PaymentInstructions.qrImageType(qr).isEmpty()) {
                    errors.rejectValue(field + ".qrImage", "payinfo.validation.qrType");
                } else if (qr.length > PaymentInstructions.MAX_QR_BYTES) {
                    errors.rejectValue(field + ".qrImage", "payinfo.validation.qrTooLarge");
                }
            }
            changes.add(new PaymentInstructionsChange(entry.getMethod(), text, qr, entry.isRemoveQr()));
        }
        if (errors.hasErrors()) {
            model.addAttribute("shopSettingsForm", shopForm());
            return page(model);
        }
        paymentInstructions.update(changes, owner.getName());
        redirect.addFlashAttribute("flashSuccess", "payinfo.saved");
        return "redirect:/admin/settings#payment-instructions";
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("adminSection", "audit");
        model.addAttribute("lines", auditLines.of(auditLog.latest(AUDIT_LINES), LocaleContextHolder.getLocale()));
        model.addAttribute("limit", AUDIT_LINES);
        return "admin/audit";
    }

    /** Names, next to the currency, every kind of amount that keeps the shop from switching to {@code target}. */
    private static void refuseCurrency(Currency target, List<MessageSourceResolvable> problems, BindingResult errors) {
        if (problems.isEmpty()) {
            return;
        }
        errors.rejectValue("currency", "settings.currency.blocked",
                new Object[] {target.getCurrencyCode(), CurrencyChangeCheck.scaleOf(target)}, null);
        for (MessageSourceResolvable problem : problems) {
            errors.rejectValue("currency", Objects.requireNonNull(problem.getCodes())[0], problem.getArguments(), null);
        }
    }

    private String page(Model model) {
        model.addAttribute("adminSection", "settings");
        model.addAttribute("currencies", ShopSettingsForm.CURRENCIES);
        model.addAttribute("timeZones", ShopSettingsForm.TIME_ZONES.stream().map(this::zoneOption).toList());
        model.addAttribute("currencyTimeZone", zoneOption(ShopSettings.defaultTimeZone(settings.current().currency()).getId()));
        List<PaymentInstructions> payment = paymentInstructions.all();
        model.addAttribute("paymentInstructions", payment.stream()
                .collect(Collectors.toMap(PaymentInstructions::method, Function.identity())));
        if (!model.containsAttribute("paymentInstructionsForm")) {
            model.addAttribute("paymentInstructionsForm", PaymentInstructionsForm.of(payment));
        }
        return "admin/settings";
    }

    /** A zone in the select, with its offset from UTC today so the owner can tell the zones apart. */
    record ZoneOption(String id, String offset) {
    }

    private ZoneOption zoneOption(String id) {
        return new ZoneOption(id, ZoneId.of(id).getRules().getOffset(clock.instant()).getId().replace("Z", "+00:00"));
    }

    private static String required(@Nullable String value) {
        return Objects.requireNonNull(value);
    }
}

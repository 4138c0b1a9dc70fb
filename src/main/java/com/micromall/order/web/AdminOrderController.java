package com.micromall.order.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.internal.OrderReports;
import com.micromall.order.internal.OrderService;
import com.micromall.order.internal.OrderStateException;
import com.micromall.order.internal.OrderStatus;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.web.MoneyFormat;
import com.micromall.shared.web.OverviewPanel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's overview and order pages; actions follow the order's status machine. */
@Controller
@RequiredArgsConstructor
class AdminOrderController {

    static final int PAGE_SIZE = 20;

    private final OrderService orders;
    private final OrderReports reports;
    private final ShopSettingsService settings;
    private final ShopTime shopTime;
    private final MoneyFormat money;
    private final ObjectProvider<OverviewPanel> overviewPanels;

    /** A panel another module contributes to the overview, with its figures computed once. */
    record PanelView(String template, String fragment, Map<String, Object> model) {
    }

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("adminSection", "dashboard");
        model.addAttribute("figures", reports.figures(shopTime.zone(), settings.current().currency()));
        model.addAttribute("panels", overviewPanels.orderedStream()
                .map(p -> new PanelView(p.template(), p.fragment(), p.model())).toList());
        return "order/admin-overview";
    }

    @GetMapping("/admin/orders")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String customer,
                @RequestParam(defaultValue = "0") String page, Model model) {
        String knownStatus = Arrays.stream(OrderStatus.values()).map(Enum::name).filter(s -> s.equals(status))
                .findFirst().orElse(null);
        int pageNumber = parsePage(page);
        var filter = new OrderReports.Filter(knownStatus, date(from), date(to), customer);
        model.addAttribute("adminSection", "orders");
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("result", reports.search(filter, pageNumber, PAGE_SIZE, shopTime.zone()));
        return "order/admin-orders";
    }

    @GetMapping("/admin/orders/{number}")
    String detail(@PathVariable String number, Model model) {
        model.addAttribute("adminSection", "orders");
        model.addAttribute("order", orders.order(number));
        if (!model.containsAttribute("refundToken")) {
            model.addAttribute("refundToken", UUID.randomUUID().toString());
        }
        return "order/admin-order";
    }

    @PostMapping("/admin/orders/{number}/pay")
    String pay(@PathVariable String number, @AuthenticationPrincipal CustomerPrincipal owner, RedirectAttributes flash) {
        return act(number, flash, "order.flash.paid", () -> orders.confirmPayment(number, owner.getEmail()));
    }

    @PostMapping("/admin/orders/{number}/ship")
    String ship(@PathVariable String number, @RequestParam(defaultValue = "") String trackingNote,
                @AuthenticationPrincipal CustomerPrincipal owner, RedirectAttributes flash) {
        if (trackingNote.length() > 500) {
            flash.addFlashAttribute("flashError", "order.error.noteTooLong");
            return "redirect:/admin/orders/" + number;
        }
        return act(number, flash, "order.flash.shipped", () -> orders.ship(number, owner.getEmail(), trackingNote));
    }

    @PostMapping("/admin/orders/{number}/complete")
    String complete(@PathVariable String number, @AuthenticationPrincipal CustomerPrincipal owner,
                    RedirectAttributes flash) {
        return act(number, flash, "order.flash.completed", () -> orders.complete(number, owner.getEmail()));
    }

    @PostMapping("/admin/orders/{number}/cancel")
    String cancel(@PathVariable String number, @AuthenticationPrincipal CustomerPrincipal owner,
                  RedirectAttributes flash) {
        return act(number, flash, "order.flash.cancelled", () -> orders.cancelByOwner(number, owner.getEmail()));
    }

    /** Quantities come as {@code qty_<lineId>}; "preview" shows the amount, "confirm" refunds it. */
    @PostMapping("/admin/orders/{number}/refund")
    String refund(@PathVariable String number, @RequestParam Map<String, String> params,
                  @AuthenticationPrincipal CustomerPrincipal owner, Model model, RedirectAttributes flash) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        for (var entry : params.entrySet()) {
            if (entry.getKey().startsWith("qty_") && !entry.getValue().isBlank()) {
                try {
                    int q = Integer.parseInt(entry.getValue().strip());
                    if (q != 0) {
                        quantities.put(Long.parseLong(entry.getKey().substring(4)), q);
                    }
                } catch (NumberFormatException e) {
                    flash.addFlashAttribute("flashError", "order.error.refundNumbers");
                    return "redirect:/admin/orders/" + number;
                }
            }
        }
        String reason = params.getOrDefault("reason", "").strip();
        String token = params.getOrDefault("refundToken", "").isBlank() ? null : params.get("refundToken").strip();
        try {
            if ("confirm".equals(params.get("action"))) {
                if (reason.isBlank() || reason.length() > 500) {
                    throw new OrderStateException("order.error.refundReason");
                }
                var refund = orders.refund(number, quantities, reason, owner.getEmail(), token);
                flash.addFlashAttribute("flashSuccess", refund.repeated() ? "order.flash.alreadyRefunded"
                        : "order.flash.refunded");
                flash.addFlashAttribute("flashArgs", new Object[] {money.format(refund.amount())});
                return "redirect:/admin/orders/" + number;
            }
            model.addAttribute("refundToken", token == null ? UUID.randomUUID().toString() : token);
            model.addAttribute("refundPreview", orders.previewRefund(number, quantities));
            model.addAttribute("refundQuantities", quantities);
            model.addAttribute("refundReason", reason);
            return detail(number, model);
        } catch (OrderStateException e) {
            flash.addFlashAttribute("flashError", e.messageKey());
            flash.addFlashAttribute("flashArgs", e.args());
            return "redirect:/admin/orders/" + number;
        }
    }

    /** A move the order had already made (the same form sent twice) is reported as done, not as an error. */
    private String act(String number, RedirectAttributes flash, String successKey, BooleanSupplier action) {
        try {
            boolean changed = action.getAsBoolean();
            flash.addFlashAttribute("flashSuccess", changed ? successKey : "order.flash.alreadyDone");
        } catch (OrderStateException e) {
            flash.addFlashAttribute("flashError", e.messageKey());
            flash.addFlashAttribute("flashArgs", e.args());
        }
        return "redirect:/admin/orders/" + number;
    }

    private static int parsePage(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

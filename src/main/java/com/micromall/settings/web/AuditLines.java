package com.micromall.settings.web;

import com.micromall.settings.AuditLog;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns stored audit rows into words in the reader's language, each with a link to the owner's page for the
 * thing that changed. The rows keep what the modules wrote (field names, enum names, plain amounts); only this
 * page knows how to say them, so the other modules stay free of page wording. A value this page does not know
 * how to read is shown as "changed" rather than as code.
 */
@Component
@RequiredArgsConstructor
class AuditLines {

    private static final Pattern PRODUCT = Pattern.compile("product #(\\d+) ?(.*)");
    private static final Pattern KIND_AND_ID = Pattern.compile("([a-z_]+)[: ](\\d+)");
    private static final Pattern AMOUNT = Pattern.compile("(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})");
    /** A refund: "12.00 CNY reason"; older rows carry the refunded order lines as "{14=1}" in between. */
    private static final Pattern REFUND = Pattern.compile("(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})(?: \\{[^}]*})?(?: (.*))?",
            Pattern.DOTALL);
    /** A withdrawal: "PAID 30.00 CNY ref X", "REJECTED 30.00 CNY: reason" or "REQUESTED 30.00 CNY". */
    private static final Pattern WITHDRAWAL = Pattern.compile("([A-Z_]+) (-?\\d+(?:\\.\\d+)?) ([A-Z]{3})(?:(?: ref |: )(.*))?",
            Pattern.DOTALL);
    private static final Pattern STATE_AND_NOTE = Pattern.compile("([A-Z_]+)(?: (.*))?", Pattern.DOTALL);
    private static final Pattern PICTURE = Pattern.compile("image/([a-z]+), (\\d+) bytes.*");
    private static final Pattern ADOPTED = Pattern.compile("ENDED, adopted arm ([A-C])");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private static final Set<String> PERCENT_FIELDS = Set.of("level1Percent", "level2Percent",
            "storeCreditBonusPercent", "withdrawalFeePercent", "pointsBonusPercent");
    private static final Set<String> DAY_FIELDS = Set.of("attributionDays", "returnWindowDays");
    private static final Set<String> MONEY_FIELDS = Set.of("welcomeCap", "withdrawalMinimum", "monthlyBudget");

    private final MessageSource messages;
    private final ShopSettingsService shop;
    private final ShopTime shopTime;

    /** One audit line as the page shows it; links are null where the shop has no page for the thing. */
    record AuditLine(String time, String actor, @Nullable String actorLink, String action, String subject,
                     @Nullable String subjectLink, @Nullable String oldValue, @Nullable String newValue,
                     @Nullable String note) {
    }

    List<AuditLine> of(List<AuditLog.Entry> entries, Locale locale) {
        DateTimeFormatter time = shopTime.formatter(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale));
        Currency currency = shop.current().currency();
        return entries.stream().map(entry -> new Reading(entry, locale, currency).line(time)).toList();
    }

    /** The words for one row: subject, values and note, decided by the kind of action. */
    private final class Reading {

        private final AuditLog.Entry entry;
        private final Locale locale;
        private final Currency currency;
        private String subject;
        private @Nullable String subjectLink;
        private @Nullable String oldValue;
        private @Nullable String newValue;
        private @Nullable String note;

        Reading(AuditLog.Entry entry, Locale locale, Currency currency) {
            this.entry = entry;
            this.locale = locale;
            this.currency = currency;
            this.subject = text("audit.subject.other");
        }

        AuditLine line(DateTimeFormatter time) {
            String action = entry.action();
            if (action.equals("settings.shop")) {
                shopSetting();
            } else if (action.equals("settings.payment")) {
                paymentSetting();
            } else if (action.equals("settings.distribution")) {
                distributionSetting();
            } else if (action.startsWith("catalog.product.")) {
                product(action.substring("catalog.product.".length()));
            } else if (action.startsWith("order.")) {
                order(action);
            } else if (action.startsWith("distribution.withdrawal.")) {
                withdrawal();
            } else if (action.equals("distribution.budgetExceeded") || action.startsWith("distribution.entry.")) {
                commissionEntry();
            } else if (action.startsWith("distribution.experiment.")) {
                experiment();
            } else if (action.startsWith("distribution.")) {
                distributor(action);
            } else {
                changed();
            }
            String actor = entry.actor();
            String actorLink = null;
            Matcher customer = KIND_AND_ID.matcher(actor);
            if (actor.equals("system")) {
                actor = text("audit.actor.system");
            } else if (customer.matches() && customer.group(1).equals("customer")) {
                actor = text("audit.actor.customer", customer.group(2));
                actorLink = "/admin/customers/" + customer.group(2);
            }
            return new AuditLine(time.format(entry.occurredAt()), actor, actorLink,
                    textOr("audit.action." + action, text("audit.action.other")), subject, subjectLink,
                    oldValue, newValue, note);
        }

        private void shopSetting() {
            String field = entry.subject();
            subject = textOr("settings.audit.subject." + field, text("audit.subject.setting"));
            subjectLink = "/admin/settings";
            if (field.equals("shippingFee")) {
                values(value -> money(value, currency));
            } else if (field.equals("timeZone")) {
                values(value -> value, text("settings.timeZone.fromCurrency.short"));
            } else {
                values(value -> value);
            }
        }

        private void paymentSetting() {
            subject = textOr("settings.audit.subject." + entry.subject(), text("audit.subject.setting"));
            subjectLink = "/admin/settings#payment-instructions";
            if (entry.subject().endsWith(".qrImage")) {
                values(this::picture);
            } else {
                values(value -> value);
            }
        }

        private void distributionSetting() {
            String field = entry.subject();
            subject = textOr("audit.field." + field, text("audit.subject.setting"));
            subjectLink = "/admin/settings/distribution";
            if (PERCENT_FIELDS.contains(field)) {
                values(this::percent);
            } else if (DAY_FIELDS.contains(field)) {
                values(value -> NUMBER.matcher(value).matches()
                        ? text("audit.value.days", new BigDecimal(value)) : text("audit.value.changed"));
            } else if (MONEY_FIELDS.contains(field)) {
                values(value -> money(value, currency), text("audit.value.none"));
            } else if (field.equals("enrolmentRule")) {
                values(value -> textOr("admin.distribution.enrolment." + value, text("audit.value.changed")));
            } else if (field.equals("welcomeKind")) {
                values(value -> textOr("admin.distribution.welcomeKind." + value, text("audit.value.changed")));
            } else if (field.equals("welcomeValue")) {
                values(value -> NUMBER.matcher(value).matches() ? number(value) : text("audit.value.changed"));
            } else if (field.equals("rewardForms")) {
                // "CASH,POINTS": each offered form by its name in the reader's language.
                values(value -> java.util.Arrays.stream(value.split(","))
                        .map(form -> textOr("distribution.rewards.form." + form, form))
                        .collect(java.util.stream.Collectors.joining(", ")));
            } else if (field.equals("shareTexts")) {
                values(value -> value);
            } else {
                changed();
            }
        }

        private void product(String what) {
            Matcher product = PRODUCT.matcher(entry.subject());
            if (product.matches()) {
                String name = product.group(2).isBlank() ? "#" + product.group(1) : product.group(2);
                subject = text("audit.subject.product", name);
                subjectLink = "/admin/products/" + product.group(1) + "/edit";
            }
            switch (what) {
                case "price" -> values(value -> money(value, currency));
                case "stock" -> values(value -> NUMBER.matcher(value).matches() ? number(value) : text("audit.value.changed"));
                case "commission" -> values(this::commission, text("audit.value.shopRate"));
                case "archived" -> values(value -> switch (value) {
                    case "archived" -> text("audit.value.archived");
                    case "on sale" -> text("audit.value.onSale");
                    default -> text("audit.value.changed");
                });
                default -> changed();
            }
        }

        private void order(String action) {
            subject = text("audit.subject.order", entry.subject());
            subjectLink = UriComponentsBuilder.fromPath("/admin/orders/{number}").buildAndExpand(entry.subject())
                    .encode().toUriString();
            if (action.equals("order.refund")) {
                oldValue = null;
                Matcher refund = entry.newValue() == null ? null : REFUND.matcher(entry.newValue());
                if (refund != null && refund.matches()) {
                    newValue = text("audit.value.refunded", money(refund.group(1), currencyOf(refund.group(2))));
                    note = refund.group(3) == null || refund.group(3).isBlank() ? null
                            : text("audit.note.reason", refund.group(3));
                } else {
                    newValue = text("audit.value.changed");
                }
            } else {
                values(value -> textOr("order.status." + value, text("audit.value.changed")));
            }
        }

        private void withdrawal() {
            Matcher id = KIND_AND_ID.matcher(entry.subject());
            String state = "REQUESTED";
            if (id.matches()) {
                subject = text("audit.subject.withdrawal", id.group(2));
            }
            Matcher after = entry.newValue() == null ? null : WITHDRAWAL.matcher(entry.newValue());
            if (after != null && after.matches()) {
                state = after.group(1);
            }
            subjectLink = "/admin/withdrawals?state=" + state;
            oldValue = withdrawalValue(entry.oldValue());
            newValue = withdrawalValue(entry.newValue());
            if (after != null && after.matches() && after.group(4) != null && !after.group(4).isBlank()) {
                note = text(state.equals("PAID") ? "audit.note.reference" : "audit.note.reason", after.group(4));
            }
        }

        private @Nullable String withdrawalValue(@Nullable String value) {
            if (value == null) {
                return null;
            }
            Matcher withdrawal = WITHDRAWAL.matcher(value);
            if (!withdrawal.matches()) {
                return text("audit.value.changed");
            }
            return text("audit.value.stateAndAmount", textOr("audit.value.withdrawal." + withdrawal.group(1),
                    text("audit.value.changed")), money(withdrawal.group(2), currencyOf(withdrawal.group(3))));
        }

        private void commissionEntry() {
            Matcher id = KIND_AND_ID.matcher(entry.subject());
            if (id.matches()) {
                subject = text("audit.subject.commissionEntry", id.group(2));
            }
            // The holds page is where the owner decides on entries; no page shows a single entry.
            subjectLink = "/admin/distribution/holds";
            if (entry.action().equals("distribution.budgetExceeded")) {
                oldValue = null;
                Matcher amount = entry.newValue() == null ? null : AMOUNT.matcher(entry.newValue());
                newValue = amount != null && amount.matches()
                        ? text("audit.value.onHoldAmount", money(amount.group(1), currencyOf(amount.group(2))))
                        : text("audit.value.changed");
                return;
            }
            oldValue = ledgerState(entry.oldValue());
            newValue = ledgerState(entry.newValue());
            Matcher after = entry.newValue() == null ? null : STATE_AND_NOTE.matcher(entry.newValue());
            if (after != null && after.matches() && after.group(2) != null && !after.group(2).isBlank()) {
                note = text("audit.note.reason", after.group(2));
            }
        }

        private @Nullable String ledgerState(@Nullable String value) {
            if (value == null) {
                return null;
            }
            Matcher state = STATE_AND_NOTE.matcher(value);
            return state.matches() ? textOr("audit.value.ledger." + state.group(1), text("audit.value.changed"))
                    : text("audit.value.changed");
        }

        /** A rate experiment started or ended ("ENDED, adopted arm B ..." when an arm's terms were adopted). */
        private void experiment() {
            Matcher id = KIND_AND_ID.matcher(entry.subject());
            if (id.matches()) {
                subject = text("audit.subject.experiment", id.group(2));
                subjectLink = "/admin/distribution/experiments/" + id.group(2);
            }
            String after = entry.newValue() == null ? "" : entry.newValue();
            Matcher adopted = ADOPTED.matcher(after);
            oldValue = null;
            newValue = adopted.lookingAt() ? text("audit.value.experiment.adopted", adopted.group(1))
                    : after.startsWith("ENDED") ? text("audit.value.experiment.ended") : text("audit.value.experiment.started");
        }

        private void distributor(String action) {
            Matcher id = KIND_AND_ID.matcher(entry.subject());
            if (id.matches()) {
                subject = text("audit.subject.customer", id.group(2));
                subjectLink = "/admin/customers/" + id.group(2);
            }
            if (action.startsWith("distribution.distributor.")) {
                values(value -> textOr("audit.value.distributor." + value, text("audit.value.changed")));
            } else if (action.equals("distribution.rewardForm")) {
                values(value -> textOr("distribution.rewards.form." + value, text("audit.value.changed")));
            } else if (action.equals("distribution.friendShare")) {
                values(value -> percent(value.replace("%", "").strip()));
            } else {
                changed();
            }
        }

        private void changed() {
            oldValue = null;
            newValue = text("audit.value.changed");
        }

        private void values(Function<String, String> say) {
            oldValue = entry.oldValue() == null ? null : say.apply(entry.oldValue());
            newValue = entry.newValue() == null ? null : say.apply(entry.newValue());
        }

        /** As {@link #values}, with a word for "not set" where an empty value means something (no cap, shop rate). */
        private void values(Function<String, String> say, String unset) {
            oldValue = entry.oldValue() == null ? unset : say.apply(entry.oldValue());
            newValue = entry.newValue() == null ? unset : say.apply(entry.newValue());
        }

        private String money(String amount, Currency in) {
            if (!NUMBER.matcher(amount).matches()) {
                return text("audit.value.changed");
            }
            return Money.of(new BigDecimal(amount), in, RoundingMode.HALF_UP).format(locale);
        }

        /** The currency a row was written in; the shop's own for a code this Java does not know. */
        private Currency currencyOf(String code) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                return currency;
            }
        }

        private String percent(String value) {
            return NUMBER.matcher(value).matches() ? text("audit.value.percent", new BigDecimal(value))
                    : text("audit.value.changed");
        }

        private String number(String value) {
            return NumberFormat.getNumberInstance(locale).format(new BigDecimal(value));
        }

        /** A product's own rate: "12.50%", a fixed amount "3.00", or none (the shop's rate applies). */
        private String commission(String value) {
            if (value.endsWith("%")) {
                return percent(value.substring(0, value.length() - 1));
            }
            return money(value, currency);
        }

        private String picture(String value) {
            Matcher picture = PICTURE.matcher(value);
            if (!picture.matches()) {
                return text("audit.value.changed");
            }
            long kilobytes = Math.max(1, (Long.parseLong(picture.group(2)) + 1023) / 1024);
            return text("audit.value.picture", picture.group(1).toUpperCase(Locale.ROOT), Long.toString(kilobytes));
        }

        private String text(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        private String textOr(String key, String otherwise) {
            return messages.getMessage(key, null, otherwise, locale);
        }
    }
}

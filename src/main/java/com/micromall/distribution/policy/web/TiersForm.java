package com.micromall.distribution.policy.web;

import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.policy.DistributorTiers.Measure;
import com.micromall.distribution.policy.DistributorTiers.TierDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The owner's tiers as typed: what is measured, the window, and up to {@link DistributorTiers#MAX_TIERS} rows (an
 * empty row is no tier). Everything stays text so a mistake is shown next to the field with the input kept.
 */
@Getter
@Setter
public class TiersForm {

    /** A tier's rate may be at most half the price: beyond that the sharer earns more from a sale than the shop. */
    static final BigDecimal MAX_PERCENT = new BigDecimal("50");
    static final int NAME_MAX = 40;
    static final int WINDOW_MAX = 365;
    private static final Pattern PERCENT = Pattern.compile("^\\s*\\d{1,2}([.,]\\d{1,2})?\\s*$");
    private static final Pattern MONEY = Pattern.compile("^\\s*\\d{1,15}([.,]\\d{1,2})?\\s*$");
    private static final Pattern COUNT = Pattern.compile("^\\s*\\d{1,6}\\s*$");
    private static final Pattern DAYS = Pattern.compile("^\\s*\\d{1,3}\\s*$");

    @Getter
    @Setter
    public static class Row {
        private @Nullable String name;
        private @Nullable String threshold;
        private @Nullable String level1Percent;
        private @Nullable String level2Percent;

        boolean blank() {
            return isBlank(name) && isBlank(threshold) && isBlank(level1Percent) && isBlank(level2Percent);
        }
    }

    private @Nullable String measure;
    private @Nullable String windowDays;
    private List<Row> tiers = new ArrayList<>();

    static TiersForm of(DistributorTiers.Scheme scheme) {
        TiersForm form = new TiersForm();
        form.measure = scheme.measure().name();
        form.windowDays = Integer.toString(scheme.windowDays());
        for (DistributorTiers.Tier tier : scheme.tiers()) {
            Row row = new Row();
            row.name = tier.name();
            row.threshold = scheme.measure() == Measure.FIRST_ORDERS
                    ? tier.threshold().setScale(0, java.math.RoundingMode.DOWN).toPlainString()
                    : tier.threshold().setScale(2, java.math.RoundingMode.DOWN).toPlainString();
            row.level1Percent = plain(tier.level1Percent());
            row.level2Percent = tier.level2Percent() == null ? "" : plain(tier.level2Percent());
            form.tiers.add(row);
        }
        return form.padded();
    }

    /** Always {@link DistributorTiers#MAX_TIERS} rows on the page, the empty ones for new tiers. */
    TiersForm padded() {
        while (tiers.size() < DistributorTiers.MAX_TIERS) {
            tiers.add(new Row());
        }
        return this;
    }

    /** Checks every field and the order of the thresholds; errors go next to the field they are about. */
    void validate(Errors errors) {
        Measure m = measure();
        if (m == null) {
            errors.rejectValue("measure", "admin.tiers.validation.measure");
        }
        if (windowDays == null || !DAYS.matcher(windowDays).matches()
                || Integer.parseInt(windowDays.strip()) < 1 || Integer.parseInt(windowDays.strip()) > WINDOW_MAX) {
            errors.rejectValue("windowDays", "admin.tiers.validation.window", new Object[] {WINDOW_MAX}, null);
        }
        if (tiers.size() > DistributorTiers.MAX_TIERS) {
            errors.reject("admin.tiers.validation.tooMany", new Object[] {DistributorTiers.MAX_TIERS}, null);
            return;
        }
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            Row row = tiers.get(i);
            if (row.blank()) {
                continue;
            }
            String at = "tiers[" + i + "].";
            if (isBlank(row.name) || row.name.strip().length() > NAME_MAX) {
                errors.rejectValue(at + "name", "admin.tiers.validation.name", new Object[] {NAME_MAX}, null);
            }
            BigDecimal threshold = null;
            Pattern format = m == Measure.FIRST_ORDERS ? COUNT : MONEY;
            if (row.threshold == null || !format.matcher(row.threshold).matches()) {
                errors.rejectValue(at + "threshold", m == Measure.FIRST_ORDERS
                        ? "admin.tiers.validation.thresholdCount" : "admin.tiers.validation.thresholdMoney");
            } else {
                threshold = number(row.threshold);
                if (previous != null && threshold.compareTo(previous) <= 0) {
                    errors.rejectValue(at + "threshold", "admin.tiers.validation.increasing");
                }
                previous = threshold;
            }
            if (!percent(row.level1Percent, false)) {
                errors.rejectValue(at + "level1Percent", "admin.tiers.validation.percent",
                        new Object[] {MAX_PERCENT.toPlainString()}, null);
            }
            if (!percent(row.level2Percent, true)) {
                errors.rejectValue(at + "level2Percent", "admin.tiers.validation.percent2",
                        new Object[] {MAX_PERCENT.toPlainString()}, null);
            }
        }
    }

    @Nullable Measure measure() {
        for (Measure m : Measure.values()) {
            if (m.name().equals(measure)) {
                return m;
            }
        }
        return null;
    }

    int window() {
        return Integer.parseInt(java.util.Objects.requireNonNull(windowDays).strip());
    }

    /** The filled rows as tiers; call after {@link #validate} found nothing. */
    List<TierDraft> drafts() {
        return tiers.stream().filter(row -> !row.blank())
                .map(row -> new TierDraft(java.util.Objects.requireNonNull(row.name).strip(),
                        number(java.util.Objects.requireNonNull(row.threshold)),
                        number(java.util.Objects.requireNonNull(row.level1Percent)),
                        isBlank(row.level2Percent) ? null : number(java.util.Objects.requireNonNull(row.level2Percent))))
                .toList();
    }

    private static boolean percent(@Nullable String value, boolean optional) {
        if (isBlank(value)) {
            return optional;
        }
        return PERCENT.matcher(value).matches() && number(value).compareTo(MAX_PERCENT) <= 0;
    }

    private static BigDecimal number(String value) {
        return new BigDecimal(value.strip().replace(',', '.'));
    }

    private static String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return text;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}

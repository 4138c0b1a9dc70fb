package com.micromall.distribution.experiments.web;

import com.micromall.distribution.experiments.Experiments;
import com.micromall.distribution.experiments.Experiments.ArmDraft;
import com.micromall.distribution.experiments.Experiments.Population;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The start form as typed: a name, the population, the shop's gross margin and three arm rows (the third may stay
 * empty). Everything stays text so a mistake is shown next to its field with the input kept; the hidden token makes a
 * form sent twice start one experiment.
 */
@Getter
@Setter
public class ExperimentForm {

    static final int ARMS = 3;
    static final int NAME_MAX = 80;
    /** An arm's rate may be at most half the price, as a tier's: beyond that the sharer earns more than the shop. */
    static final BigDecimal MAX_PERCENT = new BigDecimal("50");
    private static final Pattern PERCENT = Pattern.compile("^\\s*\\d{1,3}([.,]\\d{1,2})?\\s*$");
    private static final Pattern MONEY = Pattern.compile("^\\s*\\d{1,15}([.,]\\d{1,2})?\\s*$");

    @Getter
    @Setter
    public static class Row {
        private @Nullable String level1Percent;
        /** Empty: the shop's welcome benefit. */
        private @Nullable String welcomeKind;
        private @Nullable String welcomeValue;

        boolean blank() {
            return isBlank(level1Percent) && isBlank(welcomeKind) && isBlank(welcomeValue);
        }
    }

    private @Nullable String name;
    private @Nullable String population = Population.NEW.name();
    private @Nullable String marginPercent = "40";
    private String token = UUID.randomUUID().toString();
    private List<Row> arms = new ArrayList<>();

    static ExperimentForm blank(BigDecimal shopRate) {
        ExperimentForm form = new ExperimentForm();
        form.padded();
        form.arms.get(0).level1Percent = shopRate.stripTrailingZeros().toPlainString();
        return form;
    }

    ExperimentForm padded() {
        while (arms.size() < ARMS) {
            arms.add(new Row());
        }
        return this;
    }

    void validate(Errors errors) {
        if (isBlank(name) || name.strip().length() > NAME_MAX) {
            errors.rejectValue("name", "admin.experiments.validation.name");
        }
        if (population() == null) {
            errors.rejectValue("population", "admin.experiments.validation.population");
        }
        BigDecimal margin = percent(marginPercent);
        if (margin == null || margin.signum() <= 0 || margin.compareTo(new BigDecimal("100")) > 0) {
            errors.rejectValue("marginPercent", "admin.experiments.validation.margin");
        }
        int filled = 0;
        for (int i = 0; i < arms.size(); i++) {
            Row row = arms.get(i);
            if (row.blank() && i >= 2) {
                continue;
            }
            filled++;
            String at = "arms[" + i + "].";
            BigDecimal rate = percent(row.level1Percent);
            if (rate == null || rate.compareTo(MAX_PERCENT) > 0) {
                errors.rejectValue(at + "level1Percent", "admin.experiments.validation.rate");
            }
            WelcomeKind kind = kind(row.welcomeKind);
            if (!isBlank(row.welcomeKind) && kind == null) {
                errors.rejectValue(at + "welcomeKind", "admin.experiments.validation.welcomeKind");
            }
            if (kind != null) {
                BigDecimal value = kind == WelcomeKind.PERCENT ? percent(row.welcomeValue) : money(row.welcomeValue);
                if (value == null || (kind == WelcomeKind.PERCENT && value.compareTo(MAX_PERCENT) > 0)) {
                    errors.rejectValue(at + "welcomeValue", "admin.experiments.validation.welcomeValue");
                }
            } else if (!isBlank(row.welcomeValue)) {
                errors.rejectValue(at + "welcomeKind", "admin.experiments.validation.welcomeKind");
            }
        }
        if (filled < 2) {
            errors.reject("admin.experiments.validation.arms");
        }
        if (!errors.hasErrors() && drafts().stream().map(d -> d.level1Percent().stripTrailingZeros() + "/"
                + d.welcomeKind() + "/" + (d.welcomeValue() == null ? "" : d.welcomeValue().stripTrailingZeros()))
                .distinct().count() < drafts().size()) {
            errors.reject("admin.experiments.validation.same");
        }
    }

    /** The filled arm rows as drafts; call after {@link #validate}. */
    List<ArmDraft> drafts() {
        List<ArmDraft> drafts = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Row row = arms.get(i);
            if (row.blank() && i >= 2) {
                continue;
            }
            WelcomeKind kind = kind(row.welcomeKind);
            BigDecimal value = kind == null ? null : kind == WelcomeKind.PERCENT ? percent(row.welcomeValue) : money(row.welcomeValue);
            drafts.add(new ArmDraft(java.util.Objects.requireNonNull(percent(row.level1Percent)), kind, value, null));
        }
        return drafts;
    }

    Experiments.Start command() {
        return new Experiments.Start(java.util.Objects.requireNonNull(name).strip(),
                java.util.Objects.requireNonNull(population()), java.util.Objects.requireNonNull(percent(marginPercent)),
                drafts(), token, null);
    }

    @Nullable Population population() {
        for (Population p : Population.values()) {
            if (p.name().equals(population)) {
                return p;
            }
        }
        return null;
    }

    private static @Nullable WelcomeKind kind(@Nullable String value) {
        for (WelcomeKind k : WelcomeKind.values()) {
            if (k.name().equals(value)) {
                return k;
            }
        }
        return null;
    }

    private static @Nullable BigDecimal percent(@Nullable String value) {
        return value != null && PERCENT.matcher(value).matches() ? new BigDecimal(value.strip().replace(',', '.')) : null;
    }

    private static @Nullable BigDecimal money(@Nullable String value) {
        return value != null && MONEY.matcher(value).matches() ? new BigDecimal(value.strip().replace(',', '.')) : null;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}

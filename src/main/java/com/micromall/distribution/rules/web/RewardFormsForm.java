package com.micromall.distribution.rules.web;

import com.micromall.distribution.RewardForm;
import com.micromall.distribution.referral.RewardForms.Rules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/**
 * The reward forms section of the distribution settings page, saved on its own. Forms come as names (unknown ones are
 * ignored, none at all is refused in the controller); the bonus is typed as text so that "abc" gets this section's
 * message, and the pattern mirrors the table's CHECK (0-100, two decimals at most).
 */
@Getter
@Setter
public class RewardFormsForm {

    private List<String> forms = new ArrayList<>();

    @NotBlank(message = "{rewardForms.validation.bonus}")
    @Pattern(regexp = "^\\s*((100([.,]0{1,2})?)|(\\d{1,2}([.,]\\d{1,2})?))?\\s*$", message = "{rewardForms.validation.bonus}")
    private @Nullable String pointsBonusPercent;

    static RewardFormsForm of(Rules current) {
        RewardFormsForm form = new RewardFormsForm();
        form.setForms(new ArrayList<>(EnumSet.copyOf(current.allowed()).stream().map(Enum::name).toList()));
        form.setPointsBonusPercent(current.pointsBonusPercent().stripTrailingZeros().toPlainString());
        return form;
    }

    /** The offered forms named in the post; empty when none was ticked. */
    Set<RewardForm> offered() {
        Set<RewardForm> offered = EnumSet.noneOf(RewardForm.class);
        for (RewardForm form : RewardForm.values()) {
            if (forms.contains(form.name())) {
                offered.add(form);
            }
        }
        return offered;
    }

    Rules toRules() {
        return new Rules(offered(), new BigDecimal(Objects.requireNonNull(pointsBonusPercent).strip().replace(',', '.')));
    }
}

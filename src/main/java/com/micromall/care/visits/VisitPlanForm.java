package com.micromall.care.visits;

import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** The owner's return-visit plan for a product as typed. */
@Getter
@Setter
public class VisitPlanForm {

    private String intervalMonths = "3";
    private String visits = "4";
    private String description = "";

    static VisitPlanForm of(VisitPlans.Plan plan) {
        VisitPlanForm form = new VisitPlanForm();
        form.intervalMonths = Integer.toString(plan.intervalMonths());
        form.visits = Integer.toString(plan.visits());
        form.description = plan.description();
        return form;
    }

    boolean validate(Errors errors) {
        int months = number(intervalMonths);
        if (months < 1 || months > VisitPlans.MAX_INTERVAL_MONTHS) {
            errors.rejectValue("intervalMonths", "care.plan.interval.invalid",
                    new Object[] {VisitPlans.MAX_INTERVAL_MONTHS}, null);
        }
        int count = number(visits);
        if (count < 1 || count > VisitPlans.MAX_VISITS) {
            errors.rejectValue("visits", "care.plan.visits.invalid", new Object[] {VisitPlans.MAX_VISITS}, null);
        }
        String clean = cleanDescription();
        if (clean.isEmpty() || clean.length() > VisitPlans.MAX_DESCRIPTION) {
            errors.rejectValue("description", "care.plan.description.invalid",
                    new Object[] {VisitPlans.MAX_DESCRIPTION}, null);
        }
        return !errors.hasErrors();
    }

    /** The plan as typed; call after {@link #validate} passed. */
    VisitPlans.Plan plan(long productId) {
        return new VisitPlans.Plan(productId, number(intervalMonths), number(visits), cleanDescription());
    }

    /** A whole number as typed, or 0 (never valid) for anything else. */
    private static int number(@Nullable String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    String cleanDescription() {
        return description == null ? "" : description.strip();
    }
}

package com.micromall.care.visits;

import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** How a visit went, as recorded from the due list. */
@Getter
@Setter
public class VisitDoneForm {

    private @Nullable VisitOutcome outcome;
    private String note = "";

    boolean validate(Errors errors) {
        if (outcome == null) {
            errors.rejectValue("outcome", "care.visit.outcome.missing");
        }
        if (cleanNote().length() > ReturnVisits.MAX_NOTE) {
            errors.rejectValue("note", "care.note.tooLong", new Object[] {ReturnVisits.MAX_NOTE}, null);
        }
        return !errors.hasErrors();
    }

    String cleanNote() {
        return note == null ? "" : note.strip();
    }
}

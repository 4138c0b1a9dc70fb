package com.micromall.care.files;

import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.springframework.validation.Errors;

/** A note being written; the token is new each time the page is shown, so one form makes one note. */
@Getter
@Setter
public class NoteForm {

    private String body = "";
    private String token = UUID.randomUUID().toString();

    boolean validate(Errors errors) {
        if (cleanBody().isEmpty()) {
            errors.rejectValue("body", "care.note.empty");
        } else if (cleanBody().length() > CustomerNotes.NOTE_MAX) {
            errors.rejectValue("body", "care.note.tooLong", new Object[] {CustomerNotes.NOTE_MAX}, null);
        }
        if (token == null || token.isBlank() || token.length() > 64) {
            errors.reject("care.form.expired");
        }
        return !errors.hasErrors();
    }

    String cleanBody() {
        return body == null ? "" : body.strip();
    }
}

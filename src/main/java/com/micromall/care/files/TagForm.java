package com.micromall.care.files;

import java.util.Optional;
import lombok.Getter;
import lombok.Setter;
import org.springframework.validation.Errors;

/** A tag typed for a customer, kept in its normalised form. */
@Getter
@Setter
public class TagForm {

    private String tag = "";

    Optional<String> validate(Errors errors) {
        Optional<String> normalised = CustomerNotes.normalisedTag(tag == null ? "" : tag);
        if (normalised.isEmpty()) {
            errors.rejectValue("tag", "care.tag.invalid", new Object[] {CustomerNotes.TAG_MAX}, null);
        }
        return normalised;
    }
}

package com.micromall.care.satisfaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** What was done about an unhappy answer, in a sentence or two. */
@Getter
@Setter
public class FollowUpDoneForm {

    @NotBlank(message = "{care.followUps.noteRequired}")
    @Size(max = 1000, message = "{care.followUps.noteTooLong}")
    private @Nullable String note;
}

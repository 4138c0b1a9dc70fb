package com.micromall.care.satisfaction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** "How likely are you to recommend us?" 0–10, with an optional comment. */
@Getter
@Setter
public class SatisfactionForm {

    @NotNull(message = "{care.satisfaction.scoreRequired}")
    @Min(value = 0, message = "{care.satisfaction.scoreRequired}")
    @Max(value = 10, message = "{care.satisfaction.scoreRequired}")
    private @Nullable Integer score;

    @Size(max = SatisfactionSurveys.COMMENT_MAX, message = "{care.satisfaction.commentTooLong}")
    private @Nullable String comment;
}

package com.micromall.care.satisfaction;

import org.jspecify.annotations.Nullable;

/** What the order page knows of the order's survey: the buyer's score, null until they answer. */
public record OrderSurvey(@Nullable Integer score) {
}

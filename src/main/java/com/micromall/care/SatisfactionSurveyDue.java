package com.micromall.care;

import java.time.Instant;

/**
 * It is time to ask the buyer how likely they are to recommend the shop: the mail carries {@code answerPath}, a link
 * that works once without signing in. The token in it is kept nowhere else in readable form.
 *
 * @param answerPath the survey link without the shop's address, e.g. {@code /satisfaction/3kX…}
 */
public record SatisfactionSurveyDue(long customerId, String orderNumber, String answerPath, Instant completedAt) {

    @Override
    public String toString() {
        return "SatisfactionSurveyDue[customer " + customerId + ", order " + orderNumber + "]"; // never the token
    }
}

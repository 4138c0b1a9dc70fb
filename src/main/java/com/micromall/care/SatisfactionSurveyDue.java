package com.micromall.care;

import java.time.Instant;

/**
 * It is time to ask the buyer how likely they are to recommend the shop: the mail carries {@code answerPath}, a link
 * that works once without signing in. The token in it is kept nowhere else in readable form.
 *
 * @param answerPath the survey link without the shop's address, e.g. {@code /satisfaction/3kX…}
 * @param withShareCard the customer was happy at a return visit since their last care mail: this mail carries their
 *                      share link (when they can share). The survey is asked before any answer, so this never follows
 *                      a 0–6 answer of this order.
 */
public record SatisfactionSurveyDue(long customerId, String orderNumber, String answerPath, Instant completedAt,
                                    boolean withShareCard) {

    @Override
    public String toString() {
        return "SatisfactionSurveyDue[customer " + customerId + ", order " + orderNumber + "]"; // never the token
    }
}

package com.micromall.care.visits;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A return visit that left the customer happy asks them to share in their next care mail (the visit is the right
 * moment). The card is taken in the transaction that claims that mail, so it goes out in exactly one mail however
 * often the mail's event is delivered.
 */
@Component
@RequiredArgsConstructor
public class HappyVisitShareCards {

    private final JdbcClient jdbc;

    /**
     * Whether the mail being claimed for this customer carries the share card; clears every pending card of theirs.
     * A 0–6 answer given after the happy visit means the customer is no longer happy: no share ask, and the card is
     * dropped. Row locks make two mails claimed at the same time see the card once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean take(long customerId) {
        int stillHappy = jdbc.sql("""
                        UPDATE care_visit v SET share_card_pending = FALSE
                        WHERE v.customer_id = :c AND v.share_card_pending
                          AND NOT EXISTS (SELECT 1 FROM satisfaction_answer a
                                          JOIN satisfaction_survey s ON s.id = a.survey_id
                                          WHERE s.customer_id = v.customer_id AND a.score <= 6
                                            AND a.changed_at >= v.done_at)""")
                .param("c", customerId).update();
        jdbc.sql("UPDATE care_visit SET share_card_pending = FALSE WHERE customer_id = :c AND share_card_pending")
                .param("c", customerId).update();
        return stillHappy > 0;
    }
}

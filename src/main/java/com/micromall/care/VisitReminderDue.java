package com.micromall.care;

import java.time.Instant;

/**
 * A customer's return visit is a few days away: notification mails them a reminder. Published once per visit.
 *
 * @param dueAt the first moment of the visit's day in the shop's time zone
 * @param withShareCard the customer was happy at a return visit since their last care mail: this mail carries their
 *                      share link (when they can share), decided once by care when the reminder was claimed
 */
public record VisitReminderDue(long visitId, long customerId, String productName, String description, Instant dueAt,
                               boolean withShareCard) {
}

package com.micromall.care;

import java.time.Instant;

/**
 * A customer's return visit is a few days away: notification mails them a reminder. Published once per visit.
 *
 * @param dueAt the first moment of the visit's day in the shop's time zone
 */
public record VisitReminderDue(long visitId, long customerId, String productName, String description, Instant dueAt) {
}
